# Finds wijkplan's dependencies and fails with the Debian package that provides a missing one.
# Each becomes an imported target wp::<name> so the rest of the build does not care how.

find_package(PkgConfig QUIET)

function(wp_missing what package)
    message(FATAL_ERROR "wijkplan needs ${what}: install it with `apt-get install ${package}` "
                        "(or run the set-up command in README.md).")
endfunction()

# cJSON: pkg-config libcjson.
if(PkgConfig_FOUND)
    pkg_check_modules(WP_CJSON QUIET IMPORTED_TARGET libcjson)
endif()
if(WP_CJSON_FOUND)
    add_library(wp::cjson ALIAS PkgConfig::WP_CJSON)
else()
    find_path(WP_CJSON_INCLUDE cjson/cJSON.h)
    find_library(WP_CJSON_LIB cjson)
    if(NOT WP_CJSON_INCLUDE OR NOT WP_CJSON_LIB)
        wp_missing("cJSON" "libcjson-dev")
    endif()
    add_library(wp::cjson UNKNOWN IMPORTED)
    set_target_properties(wp::cjson PROPERTIES IMPORTED_LOCATION "${WP_CJSON_LIB}"
                          INTERFACE_INCLUDE_DIRECTORIES "${WP_CJSON_INCLUDE}")
endif()

# PROJ: pkg-config proj.
if(PkgConfig_FOUND)
    pkg_check_modules(WP_PROJ QUIET IMPORTED_TARGET proj>=6)
endif()
if(WP_PROJ_FOUND)
    add_library(wp::proj ALIAS PkgConfig::WP_PROJ)
else()
    find_path(WP_PROJ_INCLUDE proj.h)
    find_library(WP_PROJ_LIB proj)
    if(NOT WP_PROJ_INCLUDE OR NOT WP_PROJ_LIB)
        wp_missing("PROJ (version 6 or later)" "libproj-dev")
    endif()
    add_library(wp::proj UNKNOWN IMPORTED)
    set_target_properties(wp::proj PROPERTIES IMPORTED_LOCATION "${WP_PROJ_LIB}"
                          INTERFACE_INCLUDE_DIRECTORIES "${WP_PROJ_INCLUDE}")
endif()

# GLPK and libcsv ship no pkg-config file on Debian: plain header + library search.
find_path(WP_GLPK_INCLUDE glpk.h)
find_library(WP_GLPK_LIB glpk)
if(NOT WP_GLPK_INCLUDE OR NOT WP_GLPK_LIB)
    wp_missing("GLPK" "libglpk-dev")
endif()
add_library(wp::glpk UNKNOWN IMPORTED)
set_target_properties(wp::glpk PROPERTIES IMPORTED_LOCATION "${WP_GLPK_LIB}"
                      INTERFACE_INCLUDE_DIRECTORIES "${WP_GLPK_INCLUDE}")

find_path(WP_CSV_INCLUDE csv.h)
find_library(WP_CSV_LIB csv)
if(NOT WP_CSV_INCLUDE OR NOT WP_CSV_LIB)
    wp_missing("libcsv (RFC 4180 CSV parser)" "libcsv-dev")
endif()
add_library(wp::csv UNKNOWN IMPORTED)
set_target_properties(wp::csv PROPERTIES IMPORTED_LOCATION "${WP_CSV_LIB}"
                      INTERFACE_INCLUDE_DIRECTORIES "${WP_CSV_INCLUDE}")

find_package(OpenMP QUIET COMPONENTS C)
if(NOT OpenMP_C_FOUND)
    wp_missing("OpenMP for C" "gcc (libgomp1), or libomp-dev with clang")
endif()
