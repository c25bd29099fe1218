/* What the opaque wp_scenario holds, for the library's own modules. */
#ifndef WP_MODEL_SCENARIO_INTERNAL_H
#define WP_MODEL_SCENARIO_INTERNAL_H

#include <wijkplan/scenario.h>

#include "model/model.h"

struct wp_scenario {
    wp_model model;
};

#endif
