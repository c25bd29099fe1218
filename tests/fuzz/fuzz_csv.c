/* Spreadsheet input: the fuzzed bytes as clients.csv, then as helpers.csv and providers.csv,
 * each beside fixed, valid other tables. */
#include <wijkplan/import.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

static const char clients[] = "id;lon;lat;provider;hours_per_week;days;window\n"
                              "C1;6,571;53,214;P1;3;ma|wo;8:00-12:00\n";
static const char helpers[] = "id,provider,home_lon,home_lat,hours_per_week,availability\n"
                              "H1,P1,6.566,53.219,24,mon 08:00-13:00|wed 08:00-17:00\n";
static const char providers[] = "id,name,tariff_HO,tariff_HO+\nP1,Noord,31.20,35.80\n";

static void import(const char *c, const char *h, const char *p)
{
    wp_csv_options o = {c, h, p, NULL, NULL, NULL, "fuzz"};
    wp_error err;
    wp_error_init(&err);
    wp_import_csv(&o, fz_out("scenario.json"), &err);
    wp_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *input = fz_file(data, size, "input.csv");
    const char *c = fz_fixture("clients.csv", clients), *h = fz_fixture("helpers.csv", helpers),
               *p = fz_fixture("providers.csv", providers);
    import(input, h, p);
    import(c, input, p);
    import(c, h, input);
    return 0;
}
