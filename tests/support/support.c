/* Test helpers (see support.h). */
#define _DEFAULT_SOURCE
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "generate.h"
#include "util/alloc.h"
#include "util/rng.h"
#include "util/strbuf.h"

wp_scenario *ts_scenario(const char *json)
{
    wp_error err;
    wp_error_init(&err);
    wp_scenario *s = NULL;
    if (wp_scenario_load_string(json, "test.json", WP_TEST_DATA, &s, &err) != WP_OK) {
        wp_error_print(&err, stderr);
        fail_msg("scenario did not load");
    }
    wp_error_clear(&err);
    return s;
}

wp_scenario *ts_scenario_file(const char *path)
{
    wp_error err;
    wp_error_init(&err);
    wp_scenario *s = NULL;
    if (wp_scenario_load(path, &s, &err) != WP_OK) {
        wp_error_print(&err, stderr);
        fail_msg("scenario %s did not load", path);
    }
    wp_error_clear(&err);
    return s;
}

char *ts_scenario_errors(const char *json)
{
    wp_error err;
    wp_error_init(&err);
    wp_scenario *s = NULL;
    wp_status st = wp_scenario_load_string(json, "test.json", WP_TEST_DATA, &s, &err);
    if (st == WP_OK) {
        wp_scenario_free(s);
        fail_msg("scenario loaded but should have failed");
    }
    assert_null(s);
    wp_strbuf sb = {0};
    char line[2048];
    for (size_t i = 0; i < err.count; i++) {
        wp_problem_format(&err.items[i], line, sizeof line);
        wp_sb_printf(&sb, "%s\n", line);
    }
    wp_error_clear(&err);
    return wp_sb_take(&sb);
}

wp_roster *ts_solve(const wp_scenario *s, unsigned long long seed, int threads,
                    long long iterations)
{
    wp_solve_options o;
    wp_solve_options_default(&o);
    o.seed = seed;
    o.threads = threads;
    o.iterations = iterations;
    o.construction_only = iterations == 0;
    o.time_limit_s = 60;
    wp_error err;
    wp_error_init(&err);
    wp_roster *r = NULL;
    if (wp_solve(s, &o, &r, &err) != WP_OK) {
        wp_error_print(&err, stderr);
        fail_msg("solve failed");
    }
    wp_error_clear(&err);
    return r;
}

size_t ts_violations(const wp_scenario *s, const wp_roster *r, const char *needle)
{
    wp_validation v;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_validate(s, r, NULL, &v, &err), WP_OK);
    size_t n = v.n_violations;
    if (needle) {
        bool found = false;
        for (size_t i = 0; i < v.n_violations && i < 10000; i++)
            found |= strstr(v.violations[i], needle) != NULL;
        if (!found) {
            for (size_t i = 0; i < v.n_violations && i < 20; i++)
                fprintf(stderr, "  %s\n", v.violations[i]);
            fail_msg("no violation mentions \"%s\"", needle);
        }
    }
    wp_validation_free(&v);
    wp_error_clear(&err);
    return n;
}

size_t ts_count_violations(const wp_scenario *s, const wp_roster *r, const char *needle)
{
    wp_validation v;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_validate(s, r, NULL, &v, &err), WP_OK);
    size_t n = 0;
    for (size_t i = 0; i < v.n_violations && i < 10000; i++)
        n += strstr(v.violations[i], needle) != NULL;
    wp_validation_free(&v);
    wp_error_clear(&err);
    return n;
}

void ts_assert_valid(const wp_scenario *s, const wp_roster *r)
{
    wp_validation v;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_validate(s, r, NULL, &v, &err), WP_OK);
    for (size_t i = 0; i < v.n_violations && i < 20; i++)
        fprintf(stderr, "violation: %s\n", v.violations[i]);
    size_t n = v.n_violations;
    wp_validation_free(&v);
    wp_error_clear(&err);
    assert_int_equal(n, 0);
}

static double uniform(wp_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * wp_rng_unit(r);
}

char *ts_random_scenario(uint64_t seed, int clients, int helpers)
{
    wp_rng r;
    wp_rng_seed(&r, seed, 99);
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri"};
    static const char *const modes[] = {"bike", "car", "ebike", "walk"};
    wp_strbuf sb = {0};
    wp_sb_printf(
        &sb,
        "{\"format\": \"wijkplan-scenario/1\", \"name\": \"random %llu\", \"crs\": \"planar\",\n"
        "\"travel\": {\"speed\": 0.5},\n\"providers\": [{\"id\": \"A\"}, {\"id\": "
        "\"B\"}],\n\"helpers\": [\n",
        (unsigned long long)seed);
    for (int h = 0; h < helpers; h++) {
        double from = 420 + 30 * wp_rng_below(&r, 4), to = from + 240 + 60 * wp_rng_below(&r, 5);
        wp_sb_printf(
            &sb,
            "%s{\"id\": \"H%d\", \"provider\": \"%s\", \"home\": [%.1f, %.1f], \"mode\": \"%s\", "
            "\"hours_per_week\": %d, \"max_hours_per_day\": %d, \"max_visits_per_day\": %d, "
            "\"qualification\": \"%s\", \"skills\": [%s], \"capacity\": %d, \"availability\": {",
            h ? ",\n" : "", h, wp_rng_below(&r, 3) ? "A" : "B", uniform(&r, 0, 60),
            uniform(&r, 0, 60), modes[wp_rng_below(&r, 4)], 10 + 4 * (int)wp_rng_below(&r, 6),
            5 + (int)wp_rng_below(&r, 4), 2 + (int)wp_rng_below(&r, 4),
            wp_rng_below(&r, 2) ? "HO+" : "HO", wp_rng_below(&r, 3) ? "" : "\"dementia\"",
            8 + (int)wp_rng_below(&r, 8));
        int n = 0;
        for (int d = 0; d < 5; d++) {
            if (wp_rng_below(&r, 5) == 0) continue;
            wp_sb_printf(&sb, "%s\"%s\": [[%.0f, %.0f]]", n++ ? ", " : "", days[d], from, to);
        }
        wp_sb_printf(&sb, "}%s}", wp_rng_below(&r, 6) == 0 ? ", \"absent\": [\"wed\"]" : "");
    }
    wp_sb_append(&sb, "],\n\"clients\": [\n");
    for (int c = 0; c < clients; c++) {
        double from = 450 + 30 * wp_rng_below(&r, 8), width = 60 + 60 * wp_rng_below(&r, 6);
        int visits = 1 + (wp_rng_below(&r, 3) == 0);
        wp_sb_printf(
            &sb,
            "%s{\"id\": \"C%d\", \"location\": [%.2f, %.2f], \"priority\": %d, \"product\": \"%s\"",
            c ? ",\n" : "", c, uniform(&r, 0, 60), uniform(&r, 0, 60), 1 + (int)wp_rng_below(&r, 5),
            wp_rng_below(&r, 5) == 0 ? "HO+" : "HO");
        if (wp_rng_below(&r, 6) == 0) wp_sb_append(&sb, ", \"skills\": [\"dementia\"]");
        if (wp_rng_below(&r, 3) == 0)
            wp_sb_printf(&sb, ", \"provider\": \"%s\"", wp_rng_below(&r, 2) ? "A" : "B");
        if (wp_rng_below(&r, 3) == 0)
            wp_sb_printf(&sb, ", \"helper\": \"H%d\"", (int)wp_rng_below(&r, (uint32_t)helpers));
        if (wp_rng_below(&r, 4) == 0)
            wp_sb_printf(&sb, ", \"arrival_consistency_min\": %d",
                         30 + 30 * (int)wp_rng_below(&r, 3));
        wp_sb_printf(&sb, ", \"visits\": [");
        for (int k = 0; k < visits; k++)
            wp_sb_printf(&sb, "%s{\"duration_min\": %d, \"window\": [%.0f, %.0f], \"load\": %d}",
                         k ? ", " : "", 30 + 15 * (int)wp_rng_below(&r, 6), from, from + width,
                         1 + (int)wp_rng_below(&r, 4));
        wp_sb_printf(&sb, "], \"min_days_between_visits\": %d}", (int)wp_rng_below(&r, 3));
    }
    wp_sb_append(&sb, "],\n\"objective\": {\"unserved_minute\": 100, \"broken_pair\": 50, "
                      "\"travel_minute\": 1, \"helper_day\": 5, \"helper\": 20}}\n");
    return wp_sb_take(&sb);
}

char *ts_temp_file(const char *text, const char *suffix)
{
    char *path = wp_strdupf("/tmp/wijkplan-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0) fail_msg("cannot create a temporary file");
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

char *ts_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = wp_malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

void ts_assert_golden(const char *text, const char *name)
{
    char *path = wp_strdupf("%s/golden/%s", WP_TEST_DATA, name);
    const char *update = getenv("WP_UPDATE_GOLDEN");
    if (update && *update) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    char *want = ts_read_file(path);
    if (!want) fail_msg("golden file %s is missing (WP_UPDATE_GOLDEN=1 writes it)", path);
    if (strcmp(want, text) != 0) {
        int line = 1;
        size_t i = 0;
        for (; want[i] && want[i] == text[i]; i++) line += want[i] == '\n';
        fail_msg("%s differs from the output from line %d on (WP_UPDATE_GOLDEN=1 rewrites it "
                 "after a wanted change)",
                 path, line);
    }
    wp_free(want);
    wp_free(path);
}

char *ts_generate(const char *municipality, int clients, unsigned long long seed)
{
    wp_gen_options o;
    wp_gen_options_default(&o);
    o.geo_path = WP_DEFAULT_GEO;
    o.select[o.n_select++] = municipality;
    o.clients = clients;
    o.seed = seed;
    char *out = ts_temp_file("", ".json");
    unlink(out);
    wp_error err;
    wp_error_init(&err);
    wp_status s = wp_generate(&o, out, &err);
    wp_error_print(&err, stderr);
    wp_error_clear(&err);
    assert_int_equal(s, WP_OK);
    return out;
}

/* Three square districts side by side; providers A..D; helpers and clients placed at random in
 * them, each client with its provider's helper as a pair. */
char *ts_award_scenario(uint64_t seed, int k)
{
    wp_rng r;
    wp_rng_seed(&r, seed, 3);
    static const char *const prov[] = {"A", "B", "C", "D"};
    wp_strbuf sb = {0};
    wp_sb_printf(&sb,
                 "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"districts\": [");
    for (int d = 0; d < 3; d++)
        wp_sb_printf(&sb,
                     "%s{\"id\": \"D%d\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                     "[[[%d,0],[%d,0],[%d,10],[%d,10],[%d,0]]]}}",
                     d ? "," : "", d, 10 * d, 10 * d + 10, 10 * d + 10, 10 * d, 10 * d);
    wp_sb_append(&sb, "], \"providers\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}, "
                      "{\"id\": \"D\"}],\n\"helpers\": [");
    for (int h = 0; h < 10; h++) /* helpers may have clients in two districts */
        wp_sb_printf(&sb,
                     "%s{\"id\": \"H%d\", \"provider\": \"%s\", \"home\": [%.1f, %.1f], "
                     "\"hours_per_week\": 40}",
                     h ? "," : "", h, prov[h % 4], 1 + 28 * wp_rng_unit(&r),
                     1 + 8 * wp_rng_unit(&r));
    wp_sb_append(&sb, "],\n\"clients\": [");
    for (int c = 0; c < 24; c++) {
        int h = (int)wp_rng_below(&r, 10);
        wp_sb_printf(&sb,
                     "%s{\"id\": \"C%d\", \"location\": [%.2f, %.2f], \"provider\": \"%s\", "
                     "\"helper\": \"H%d\", \"hours_per_week\": 1}",
                     c ? "," : "", c, 0.5 + 29 * wp_rng_unit(&r), 0.5 + 9 * wp_rng_unit(&r),
                     prov[h % 4], h);
    }
    wp_sb_printf(
        &sb, "], \"contracting\": {\"model\": \"per_district\", \"providers_per_district\": %d}}",
        k);
    return wp_sb_take(&sb);
}
