/* A comparison of contracting variants: staff transfers recorded and validated, and the
 * comparison and its HTML report agreeing number for number. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wijkplan/compare.h>
#include <wijkplan/report.h>

#include "io/roster_json.h"
#include "support/support.h"
#include "util/alloc.h"
#include "util/strbuf.h"

static char *temp_dir(void)
{
    char *dir = wp_strdup("/tmp/wijkplan-compare-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

/* Parses data-variant/data-kpi/data-value cells of the key-figure table. */
static double html_value(const char *html, const char *variant, const char *kpi, bool *found)
{
    char needle[256];
    snprintf(needle, sizeof needle, "data-variant=\"%s\" data-kpi=\"%s\" data-value=\"", variant,
             kpi);
    const char *at = strstr(html, needle);
    *found = at != NULL;
    return at ? strtod(at + strlen(needle), NULL) : 0;
}

static void compare_transfer_and_report(void **state)
{
    (void)state;
    char *json = ts_award_scenario(4, 1);
    char *dir = temp_dir();
    char *scenario_path = wp_strdupf("%s/s.json", dir);
    FILE *f = fopen(scenario_path, "w");
    fputs(json, f);
    fclose(f);
    wp_scenario *s = ts_scenario_file(scenario_path);
    wp_compare_options o = {"open_house,per_district:1", WP_TRANSFER_BOTH, 0, {0}, scenario_path};
    wp_solve_options_default(&o.solve);
    o.solve.threads = 2;
    o.solve.iterations = 2000;
    char *out = wp_strdupf("%s/comparison.json", dir);
    assert_int_equal(wp_compare(s, &o, out, NULL), WP_OK);
    /* every roster validates under its own variant; transfers appear only with transfer */
    const char *names[] = {"open_house", "per_district-1", "per_district-1-transfer"};
    const char *variants[] = {"open_house", "per_district:1", "per_district:1"};
    size_t transfers = 0;
    for (int i = 0; i < 3; i++) {
        char *path = wp_strdupf("%s/roster-%s.json", dir, names[i]);
        wp_roster *r;
        assert_int_equal(wp_roster_read_json(path, &r, NULL), WP_OK);
        wp_validate_options vo;
        wp_validate_options_default(&vo);
        vo.variant = variants[i];
        vo.staff_transfer = i == 2;
        wp_validation v;
        assert_int_equal(wp_validate(s, r, &vo, &v, NULL), WP_OK);
        for (size_t k = 0; k < v.n_violations && k < 10; k++)
            fprintf(stderr, "%s: %s\n", names[i], v.violations[k]);
        assert_int_equal(v.n_violations, 0);
        wp_validation_free(&v);
        if (i < 2)
            assert_int_equal(r->n_transfers, 0);
        else
            transfers = r->n_transfers;
        /* a transferred helper works for its new provider and kept its pairs there */
        for (size_t t = 0; t < r->n_transfers; t++) {
            bool serves = false;
            for (size_t a = 0; a < r->n_assignments; a++)
                if (strcmp(r->assignments[a].helper, r->transfers[t].helper) == 0) {
                    serves = true;
                    assert_string_equal(r->assignments[a].provider, r->transfers[t].to);
                }
            assert_true(serves);
        }
        wp_roster_free(r);
        wp_free(path);
    }
    assert_true(transfers > 0); /* one winner per district: some helpers must follow clients */
    /* with transfer no fewer pairs are kept than without, and none more than the bound */
    char *comparison_text = ts_read_file(out);
    cJSON *doc = cJSON_Parse(comparison_text);
    wp_free(comparison_text);
    assert_non_null(doc);
    const cJSON *vs = cJSON_GetObjectItem(doc, "variants");
    double kept_without =
        cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(vs, 1), "kpi"), "pairs_kept")
            ->valuedouble;
    const cJSON *kt = cJSON_GetObjectItem(cJSON_GetArrayItem(vs, 2), "kpi");
    assert_true(cJSON_GetObjectItem(kt, "pairs_kept")->valuedouble >= kept_without);
    assert_true(cJSON_GetObjectItem(kt, "pairs_kept")->valuedouble <=
                cJSON_GetObjectItem(kt, "pairs_bound")->valuedouble);
    /* the report shows the comparison's numbers */
    char *html_path = wp_strdupf("%s/report.html", dir);
    assert_int_equal(wp_report_html(out, NULL, "travel_share", "en", html_path, NULL), WP_OK);
    char *html = ts_read_file(html_path);
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "<svg"));
    int checked = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, vs)
    {
        const char *name = cJSON_GetObjectItem(v, "name")->valuestring;
        const cJSON *k;
        cJSON_ArrayForEach(k, cJSON_GetObjectItem(v, "kpi"))
        {
            bool found;
            double x = html_value(html, name, k->string, &found);
            if (!found) continue;
            if (fabs(x - k->valuedouble) > 1e-9 * (1 + fabs(k->valuedouble)))
                fail_msg("%s %s: report %.17g, comparison %.17g", name, k->string, x,
                         k->valuedouble);
            checked++;
        }
    }
    assert_true(checked >= 3 * 20);
    cJSON_Delete(doc);
    wp_free(html);
    wp_scenario_free(s);
    char *cmd = wp_strdupf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    wp_free(cmd), wp_free(html_path), wp_free(out), wp_free(scenario_path), wp_free(dir),
        wp_free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compare_transfer_and_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
