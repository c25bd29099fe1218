/* wijkplan: district-based scheduling optimizer for household support. Umbrella header. */
#ifndef WIJKPLAN_H
#define WIJKPLAN_H

#include <wijkplan/error.h>
#include <wijkplan/kpi.h>
#include <wijkplan/recommend.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>
#include <wijkplan/solve.h>
#include <wijkplan/validate.h>
#include <wijkplan/version.h>

#endif
