/* CSV tables with line tracking on top of libcsv. */
#include "import/csvtable.h"

#include <csv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"
#include "util/fileio.h"

typedef struct builder {
    char **cells;
    size_t n, cap;
    char ***rows; /* completed rows */
    int *row_cells;
    int *row_line;
    size_t n_rows, cap_rows, cap_cells, cap_lines;
    int line;      /* line being fed */
    int row_start; /* line where the current row began, 0 before its first field */
} builder;

static char *trimmed(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    return wp_strndup(s, len);
}

static void on_field(void *s, size_t len, void *data)
{
    builder *b = data;
    if (!b->row_start) b->row_start = b->line;
    WP_PUSH(b->cells, b->n, b->cap, trimmed(s ? s : "", s ? len : 0));
}

static void on_row(int c, void *data)
{
    (void)c;
    builder *b = data;
    bool blank = b->n == 0 || (b->n == 1 && !b->cells[0][0]);
    if (blank) { /* an empty line is not a record */
        for (size_t i = 0; i < b->n; i++) wp_free(b->cells[i]);
    } else {
        size_t n = b->n_rows;
        WP_PUSH(b->rows, n, b->cap_rows, b->cells);
        n = b->n_rows;
        WP_PUSH(b->row_cells, n, b->cap_cells, (int)b->n);
        n = b->n_rows;
        WP_PUSH(b->row_line, n, b->cap_lines, b->row_start);
        b->n_rows++;
        b->cells = NULL;
        b->cap = 0;
    }
    b->n = 0;
    b->row_start = 0;
}

/* Semicolons outside quotes in the first line decide the separator. */
static char detect_separator(const char *text)
{
    int commas = 0, semis = 0;
    bool quoted = false;
    for (const char *p = text; *p && *p != '\n'; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ',')
            commas++;
        else if (!quoted && *p == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

/* Input a planner exports by hand, checked before parsing: UTF-8, and not tab-separated. */
static bool plain_text_ok(const char *path, const char *body, size_t len, wp_error *err)
{
    size_t good = wp_utf8_valid_prefix((const unsigned char *)body, len);
    if (good < len) {
        int line, col;
        wp_utf8_line_col(body, good, &line, &col);
        wp_error_add(err, WP_ERR_INPUT, path, NULL, line, col,
                     "byte 0x%02X is not UTF-8: save the file as \"CSV UTF-8\"",
                     (unsigned char)body[good]);
        return false;
    }
    const char *eol = memchr(body, '\n', len);
    size_t first = eol ? (size_t)(eol - body) : len;
    if (memchr(body, '\t', first) && !memchr(body, ',', first) && !memchr(body, ';', first)) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 1, 0,
                     "tabs found: save as CSV with ; or , between the columns");
        return false;
    }
    return true;
}

static void free_builder(builder *b)
{
    for (size_t i = 0; i < b->n; i++) wp_free(b->cells[i]);
    wp_free(b->cells);
    for (size_t r = 0; r < b->n_rows; r++) {
        for (int k = 0; k < b->row_cells[r]; k++) wp_free(b->rows[r][k]);
        wp_free(b->rows[r]);
    }
    wp_free(b->rows);
    wp_free(b->row_cells);
    wp_free(b->row_line);
}

static bool parse(const char *path, const char *text, char sep, builder *b, wp_error *err)
{
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(&p, (unsigned char)sep);
    /* the parser's buffer is wp_ memory, so that a call running out of memory releases it */
    csv_set_realloc_func(&p, wp_realloc);
    csv_set_free_func(&p, wp_free);
    const char *line = text;
    b->line = 0;
    bool ok = true;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line + 1) : strlen(line);
        b->line++;
        if (csv_parse(&p, line, len, on_field, on_row, b) != len) {
            int e = csv_error(&p);
            wp_error_add(err, WP_ERR_INPUT, path, NULL, b->line, 0, "malformed CSV: %s",
                         e == CSV_EPARSE ? "a quote inside an unquoted cell or text after a "
                                           "closing quote (RFC 4180: quote the cell, double "
                                           "its quotes)"
                                         : csv_strerror(e));
            ok = false;
            break;
        }
        line += len;
    }
    if (ok && csv_fini(&p, on_field, on_row, b) != 0) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, b->row_start ? b->row_start : b->line, 0,
                     "malformed CSV: a quoted cell is not closed");
        ok = false;
    }
    csv_free(&p);
    return ok;
}

bool wp_csv_read(const char *path, wp_csv_table *t, wp_error *err)
{
    memset(t, 0, sizeof *t);
    t->file = path;
    size_t len;
    char *text = wp_file_read(path, &len, "CSV", err);
    if (!text) return false;
    const char *body = text;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        body += 3;
    if (memchr(body, '\0', len - (size_t)(body - text))) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "binary data in a CSV file");
        wp_free(text);
        return false;
    }
    if (!plain_text_ok(path, body, len - (size_t)(body - text), err)) {
        wp_free(text);
        return false;
    }
    t->sep = detect_separator(body);
    t->decimal_comma = t->sep == ';';
    builder b;
    memset(&b, 0, sizeof b);
    bool ok = parse(path, body, t->sep, &b, err);
    wp_free(text);
    if (ok && b.n_rows == 0) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 1, 0, "empty file: a header row is required");
        ok = false;
    }
    if (!ok) {
        free_builder(&b);
        return false;
    }
    t->col = b.rows[0];
    t->n_cols = b.row_cells[0];
    for (int k = 0; k < t->n_cols && ok; k++) {
        if (!t->col[k][0]) {
            wp_error_add(err, WP_ERR_INPUT, path, NULL, b.row_line[0], k + 1, "empty column name");
            ok = false;
        }
        for (int j = 0; j < k && ok; j++)
            if (strcmp(t->col[j], t->col[k]) == 0) {
                wp_error_add(err, WP_ERR_INPUT, path, NULL, b.row_line[0], k + 1,
                             "column \"%s\" appears twice", t->col[k]);
                ok = false;
            }
    }
    t->n_rows = (int)b.n_rows - 1;
    t->row = wp_calloc((size_t)t->n_rows + 1, sizeof *t->row);
    for (int r = 0; r < t->n_rows; r++) {
        int have = b.row_cells[r + 1];
        t->row[r].line = b.row_line[r + 1];
        if (have > t->n_cols) {
            wp_error_add(err, WP_ERR_INPUT, path, NULL, t->row[r].line, t->n_cols + 1,
                         "row has %d cells, the header %d", have, t->n_cols);
            ok = false;
        }
        t->row[r].cell = wp_calloc((size_t)t->n_cols + (size_t)have + 1, sizeof(char *));
        for (int k = 0; k < have; k++) t->row[r].cell[k] = b.rows[r + 1][k];
        for (int k = have; k < t->n_cols; k++) t->row[r].cell[k] = wp_strdup("");
        for (int k = t->n_cols; k < have; k++) t->row[r].cell[k] = b.rows[r + 1][k];
        wp_free(b.rows[r + 1]);
        b.row_cells[r + 1] = have; /* cells now owned by the table */
    }
    wp_free(b.rows);
    wp_free(b.row_cells);
    wp_free(b.row_line);
    wp_free(b.cells);
    if (!ok) wp_csv_free(t);
    return ok;
}

void wp_csv_free(wp_csv_table *t)
{
    for (int r = 0; r < t->n_rows; r++) {
        if (!t->row[r].cell) continue;
        for (int k = 0; t->row[r].cell[k]; k++) wp_free(t->row[r].cell[k]);
        wp_free(t->row[r].cell);
    }
    wp_free(t->row);
    for (int k = 0; k < t->n_cols; k++) wp_free(t->col[k]);
    wp_free(t->col);
    memset(t, 0, sizeof *t);
}

int wp_csv_col(const wp_csv_table *t, const char *name)
{
    for (int k = 0; k < t->n_cols; k++)
        if (strcmp(t->col[k], name) == 0) return k;
    return -1;
}
