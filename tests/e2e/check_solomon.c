/* An independent check of a roster for a Solomon instance, reading only the original instance
 * text and the roster JSON (no wijkplan code): every customer served exactly once, vehicle
 * capacity, time windows with waiting, return to the depot in time, fleet size, and the total
 * distance recomputed from the coordinates. Exit status 0 when everything holds.
 * usage: check_solomon INSTANCE.txt ROSTER.json [EXPECTED_MAX_DISTANCE] */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 1100

static double X[MAX_NODES], Y[MAX_NODES], DEMAND[MAX_NODES], READY[MAX_NODES], DUE[MAX_NODES],
    SERVICE[MAX_NODES];
static int served[MAX_NODES];

static int fail(const char *msg, const char *detail)
{
    printf("check_solomon: %s %s\n", msg, detail ? detail : "");
    return 1;
}

static int read_instance(const char *path, int *vehicles, double *capacity)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[512];
    int n = 0, state = 0;
    while (fgets(line, sizeof line, f)) {
        double v[7];
        if (state == 0 && sscanf(line, "%d %lf", vehicles, capacity) == 2)
            state = 1;
        else if (state == 1 &&
                 sscanf(line, "%lf %lf %lf %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3], &v[4],
                        &v[5], &v[6]) == 7 &&
                 n < MAX_NODES) {
            int id = (int)v[0];
            X[id] = v[1], Y[id] = v[2], DEMAND[id] = v[3], READY[id] = v[4], DUE[id] = v[5],
            SERVICE[id] = v[6];
            n++;
        }
    }
    fclose(f);
    return n;
}

static cJSON *read_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    cJSON *doc = cJSON_Parse(buf);
    free(buf);
    return doc;
}

int main(int argc, char **argv)
{
    if (argc < 3) return fail("usage: check_solomon INSTANCE.txt ROSTER.json [MAX_DISTANCE]", NULL);
    int vehicles = 0;
    double capacity = 0;
    int n = read_instance(argv[1], &vehicles, &capacity);
    if (n < 2) return fail("cannot read instance", argv[1]);
    cJSON *doc = read_json(argv[2]);
    if (!doc) return fail("cannot read roster", argv[2]);
    const cJSON *routes = cJSON_GetObjectItem(doc, "routes");
    double total = 0;
    int used = 0;
    const double eps = 1e-6;
    const cJSON *route;
    cJSON_ArrayForEach(route, routes)
    {
        used++;
        double t = cJSON_GetObjectItem(route, "start")->valuedouble, load = 0;
        if (t < READY[0] - eps) return fail("route leaves the depot before it opens", NULL);
        int prev = 0;
        const cJSON *v;
        cJSON_ArrayForEach(v, cJSON_GetObjectItem(route, "visits"))
        {
            int id = atoi(cJSON_GetObjectItem(v, "client")->valuestring);
            if (id < 1 || id >= n)
                return fail("unknown customer", cJSON_GetObjectItem(v, "client")->valuestring);
            served[id]++;
            double d = hypot(X[id] - X[prev], Y[id] - Y[prev]);
            total += d;
            double start = cJSON_GetObjectItem(v, "start")->valuedouble;
            if (start < t + d - eps)
                return fail("service starts before arrival at",
                            cJSON_GetObjectItem(v, "client")->valuestring);
            if (start < READY[id] - eps || start > DUE[id] + eps)
                return fail("service outside window at",
                            cJSON_GetObjectItem(v, "client")->valuestring);
            t = start + SERVICE[id];
            load += DEMAND[id];
            prev = id;
        }
        double back = hypot(X[prev] - X[0], Y[prev] - Y[0]);
        total += back;
        if (t + back > DUE[0] + eps) return fail("route returns after the depot closes", NULL);
        if (load > capacity + eps) return fail("capacity exceeded", NULL);
    }
    if (used > vehicles) return fail("more routes than vehicles", NULL);
    for (int id = 1; id < n; id++)
        if (served[id] != 1) {
            char buf[32];
            snprintf(buf, sizeof buf, "%d (%d times)", id, served[id]);
            return fail("customer not served exactly once:", buf);
        }
    double reported =
        cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "kpi"), "travel_km")->valuedouble;
    if (fabs(reported - total) > 1e-6 * (1 + total))
        return fail("reported distance differs from recomputed", NULL);
    if (argc > 3 && total > atof(argv[3]))
        return fail("distance above the expected maximum", argv[3]);
    printf("check_solomon: %d routes, distance %.2f, every customer once, all constraints hold\n",
           used, total);
    cJSON_Delete(doc);
    return 0;
}
