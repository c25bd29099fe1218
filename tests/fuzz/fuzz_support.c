/* Scratch files for the harnesses: one per suffix and process, under $TMPDIR or /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <wijkplan/wijkplan.h>

#include "fuzz.h"

static const char *scratch(const char *name)
{
    static char paths[8][256];
    static char names[8][64];
    for (int i = 0; i < 8; i++) {
        if (names[i][0] && strcmp(names[i], name) == 0) return paths[i];
        if (!names[i][0]) {
            const char *tmp = getenv("TMPDIR");
            snprintf(names[i], sizeof names[i], "%s", name);
            snprintf(paths[i], sizeof paths[i], "%s/wp-fuzz-%ld-%s", tmp && *tmp ? tmp : "/tmp",
                     (long)getpid(), name);
            return paths[i];
        }
    }
    abort(); /* more than 8 scratch names: a harness bug */
}

char *fz_text(const uint8_t *data, size_t size)
{
    char *t = malloc(size + 1);
    if (!t) abort();
    memcpy(t, data, size);
    t[size] = '\0';
    return t;
}

static void write_all(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) abort();
}

const char *fz_file(const uint8_t *data, size_t size, const char *suffix)
{
    const char *path = scratch(suffix);
    write_all(path, data, size);
    return path;
}

const char *fz_out(const char *suffix)
{
    const char *path = scratch(suffix);
    unlink(path);
    return path;
}

const char *fz_fixture(const char *name, const char *text)
{
    const char *path = scratch(name);
    if (access(path, F_OK) != 0) write_all(path, text, strlen(text));
    return path;
}

void fz_load_scenario_naming(const uint8_t *data, size_t size, const char *suffix,
                             const char *member)
{
    const char *path = fz_file(data, size, suffix);
    char named[300], text[1024];
    snprintf(named, sizeof named, member, path);
    snprintf(text, sizeof text,
             "{\"format\": \"wijkplan-scenario/1\", \"name\": \"f\", \"providers\": [{\"id\": "
             "\"P1\"}], \"helpers\": [{\"id\": \"H1\", \"provider\": \"P1\", \"home\": [6.566, "
             "53.219], \"hours_per_week\": 24}], \"clients\": [{\"id\": \"C1\", \"location\": "
             "[6.571, 53.214], \"hours_per_week\": 2}], %s}",
             named);
    wp_scenario *s = NULL;
    wp_error err;
    wp_error_init(&err);
    wp_scenario_load_string(text, "fuzz.json", ".", &s, &err);
    wp_scenario_free(s);
    wp_error_clear(&err);
}
