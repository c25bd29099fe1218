/* Validating JSON getters with JSON-path error messages. */
#include "io/jread.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

void wp_jctx_init(wp_jctx *ctx, const char *file, wp_error *err)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->file = file;
    ctx->err = err;
}

void wp_jctx_free(wp_jctx *ctx)
{
    wp_sb_free(&ctx->path);
}

size_t wp_jpath_key(wp_jctx *ctx, const char *key)
{
    size_t mark = ctx->path.len;
    if (mark > 0) wp_sb_append(&ctx->path, ".");
    wp_sb_append(&ctx->path, key);
    return mark;
}

size_t wp_jpath_index(wp_jctx *ctx, size_t index)
{
    size_t mark = ctx->path.len;
    wp_sb_printf(&ctx->path, "[%zu]", index);
    return mark;
}

void wp_jpath_pop(wp_jctx *ctx, size_t mark)
{
    wp_sb_truncate(&ctx->path, mark);
}

void wp_jerr(wp_jctx *ctx, const char *key, const char *fmt, ...)
{
    size_t mark = key ? wp_jpath_key(ctx, key) : ctx->path.len;
    va_list ap;
    va_start(ap, fmt);
    char *msg = wp_vstrdupf(fmt, ap);
    va_end(ap);
    wp_error_add(ctx->err, WP_ERR_INPUT, ctx->file, wp_sb_str(&ctx->path), 0, 0, "%s", msg);
    wp_free(msg);
    ctx->problems++;
    wp_jpath_pop(ctx, mark);
}

/* Offset of a "\u0000" escape inside a string, or len: cJSON would cut the string there,
 * so "C1\u0000x" would silently become "C1". */
static size_t escaped_nul_at(const char *s, size_t len)
{
    for (size_t i = 0; i + 5 < len; i++) {
        if (s[i] != '\\') continue;
        if (s[i + 1] == 'u' && s[i + 2] == '0' && s[i + 3] == '0' && s[i + 4] == '0' &&
            s[i + 5] == '0')
            return i;
        i++; /* skip the escaped character: an escaped backslash before "u0000" is text */
    }
    return len;
}

/* True when the text ends inside a string: a file cut short there (cJSON reports the string's
 * start, which would read as "malformed near" its first characters). */
static bool ends_in_string(const char *s, size_t len)
{
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        if (in && s[i] == '\\')
            i++;
        else if (s[i] == '"')
            in = !in;
    }
    return in;
}

char *wp_json_text(const cJSON *value, bool formatted)
{
    char *text = formatted ? cJSON_Print(value) : cJSON_PrintUnformatted(value);
    if (!text) wp_alloc_fail(); /* cJSON fails only when memory runs out */
    return text;
}

cJSON *wp_json_parse(const char *text, size_t len, const char *file, wp_error *err)
{
    size_t skip = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        skip = 3;
    int line, col;
    size_t bad = skip + wp_utf8_valid_prefix((const unsigned char *)text + skip, len - skip);
    if (bad < len) {
        wp_utf8_line_col(text, bad, &line, &col);
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col, "text is not valid UTF-8");
        return NULL;
    }
    if (memchr(text + skip, '\0', len - skip)) {
        size_t at = (size_t)((const char *)memchr(text + skip, '\0', len - skip) - text);
        wp_utf8_line_col(text, at, &line, &col);
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col, "malformed JSON: NUL byte");
        return NULL;
    }
    size_t nul = escaped_nul_at(text, len);
    if (nul < len) {
        wp_utf8_line_col(text, nul, &line, &col);
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col,
                     "\\u0000 (NUL) is not allowed in a string");
        return NULL;
    }
    /* cJSON wants the terminating NUL inside the length to accept the end of the text; the
     * caller's buffer is NUL-terminated (see the header). */
    const char *end = NULL;
    long failures = wp_alloc_failures();
    cJSON *root = cJSON_ParseWithLengthOpts(text + skip, len - skip + 1, &end, 1);
    if (root) return root;
    /* cJSON returns NULL for exhausted memory as for malformed text: tell them apart */
    if (wp_alloc_failures() != failures) wp_alloc_fail();
    size_t off = end ? (size_t)(end - text) : skip;
    if (off > len) off = len;
    wp_utf8_line_col(text, off, &line, &col);
    if (ends_in_string(text + skip, len - skip)) {
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col,
                     "malformed JSON: unexpected end of file inside the string that starts here");
    } else if (off >= len) {
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col,
                     "malformed JSON: unexpected end of file");
    } else {
        char near[24];
        size_t n = 0;
        for (size_t i = off; i < len && n < 16 && text[i] != '\n' && text[i] != '\r'; i++)
            near[n++] = text[i];
        near[n] = '\0';
        wp_error_add(err, WP_ERR_INPUT, file, NULL, line, col, "malformed JSON near '%s'", near);
    }
    return NULL;
}

/* Edit distance, to suggest the intended key for a typo. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    int row[41];
    for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[lb];
}

bool wp_jcheck_keys(wp_jctx *ctx, const cJSON *obj, const char *const *allowed)
{
    bool ok = true;
    for (const cJSON *it = obj->child; it; it = it->next) {
        const char *key = it->string ? it->string : "";
        for (const cJSON *prev = obj->child; prev != it; prev = prev->next) {
            if (prev->string && strcmp(prev->string, key) == 0) {
                wp_jerr(ctx, key, "duplicate field");
                ok = false;
                break;
            }
        }
        if (strcmp(key, "extra") == 0) continue;
        bool known = false;
        for (size_t i = 0; allowed[i] && !known; i++) known = strcmp(allowed[i], key) == 0;
        if (!known) {
            /* only a misspelt key pays for the suggestion (every object of a large scenario
             * goes through here) */
            const char *best = NULL;
            int best_d = 3;
            for (size_t i = 0; allowed[i]; i++) {
                int d = edit_distance(key, allowed[i]);
                if (d < best_d) {
                    best_d = d;
                    best = allowed[i];
                }
            }
            if (best)
                wp_jerr(ctx, key, "unknown field (did you mean \"%s\"?)", best);
            else
                wp_jerr(ctx, key, "unknown field");
            ok = false;
        }
    }
    return ok;
}

const char *wp_jtype_name(const cJSON *item)
{
    if (!item) return "nothing";
    if (cJSON_IsString(item)) return "a string";
    if (cJSON_IsNumber(item)) return "a number";
    if (cJSON_IsBool(item)) return "a boolean";
    if (cJSON_IsNull(item)) return "null";
    if (cJSON_IsArray(item)) return "an array";
    if (cJSON_IsObject(item)) return "an object";
    return "an unknown value";
}

const cJSON *wp_jget(wp_jctx *ctx, const cJSON *obj, const char *key, bool required)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it && required) wp_jerr(ctx, key, "missing required field");
    return it;
}

bool wp_jget_string(wp_jctx *ctx, const cJSON *obj, const char *key, bool required,
                    const char **out)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (!it) return false;
    if (!cJSON_IsString(it)) {
        wp_jerr(ctx, key, "must be a string, not %s", wp_jtype_name(it));
        return false;
    }
    *out = it->valuestring;
    return true;
}

bool wp_jget_id(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, const char **out)
{
    const char *s;
    if (!wp_jget_string(ctx, obj, key, required, &s)) return false;
    if (!*s) {
        wp_jerr(ctx, key, "must not be empty");
        return false;
    }
    *out = s;
    return true;
}

bool wp_jis_finite_number(const cJSON *item)
{
    return cJSON_IsNumber(item) && isfinite(item->valuedouble);
}

bool wp_jget_number(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, double lo,
                    double hi, double *out)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (!it) return false;
    if (!cJSON_IsNumber(it)) {
        wp_jerr(ctx, key, "must be a number, not %s", wp_jtype_name(it));
        return false;
    }
    double v = it->valuedouble;
    if (!isfinite(v)) {
        wp_jerr(ctx, key, "must be a finite number");
        return false;
    }
    if (v < lo || v > hi) {
        if (hi >= 1e300)
            wp_jerr(ctx, key, "must be at least %g, not %g", lo, v);
        else
            wp_jerr(ctx, key, "must be between %g and %g, not %g", lo, hi, v);
        return false;
    }
    *out = v;
    return true;
}

bool wp_jget_positive(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, double *out)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (!it) return false;
    double v;
    if (!wp_jget_number(ctx, obj, key, required, -HUGE_VAL, HUGE_VAL, &v)) return false;
    if (!(v > 0)) {
        wp_jerr(ctx, key, "must be greater than 0, not %g", v);
        return false;
    }
    *out = v;
    return true;
}

bool wp_jget_int(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, long lo, long hi,
                 long *out)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (!it) return false;
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
        wp_jerr(ctx, key, "must be a whole number, not %s", wp_jtype_name(it));
        return false;
    }
    if (it->valuedouble != floor(it->valuedouble)) {
        wp_jerr(ctx, key, "must be a whole number, not %g", it->valuedouble);
        return false;
    }
    double v = it->valuedouble;
    if (v < (double)lo || v > (double)hi) {
        wp_jerr(ctx, key, "must be between %ld and %ld, not %g", lo, hi, v);
        return false;
    }
    *out = (long)v;
    return true;
}

bool wp_jget_bool(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, bool *out)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (!it) return false;
    if (!cJSON_IsBool(it)) {
        wp_jerr(ctx, key, "must be true or false, not %s", wp_jtype_name(it));
        return false;
    }
    *out = cJSON_IsTrue(it);
    return true;
}

const cJSON *wp_jget_object(wp_jctx *ctx, const cJSON *obj, const char *key, bool required)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (it && !cJSON_IsObject(it)) {
        wp_jerr(ctx, key, "must be an object, not %s", wp_jtype_name(it));
        return NULL;
    }
    return it;
}

const cJSON *wp_jget_array(wp_jctx *ctx, const cJSON *obj, const char *key, bool required)
{
    const cJSON *it = wp_jget(ctx, obj, key, required);
    if (it && !cJSON_IsArray(it)) {
        wp_jerr(ctx, key, "must be an array, not %s", wp_jtype_name(it));
        return NULL;
    }
    return it;
}
