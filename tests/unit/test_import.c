/* Unit tests for golive import: the ir_module_module export (database
 * column names), which states count as installed, and how modules are
 * classified and what is proposed for them. The whole command, on
 * realistic trees, is tests/import/check_import.sh. */
#include "test_support.h"

#include "import.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *write_scratch(const char *name, const char *text)
{
    const char *path = scratch_path(name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
    return path;
}

/* An export of the table itself: psql's \copy ... csv header. Odoo 16
 * stores shortdesc as JSON; 'to upgrade' and 'to remove' are installed. */
static void reads_the_database_export(void **state)
{
    (void)state;
    const char *path = write_scratch(
        "db.csv", "id,name,state,latest_version,author,shortdesc,license\n"
                  "1,sale,installed,16.0.1.2,Odoo S.A.,\"{\"\"en_US\"\": \"\"Sales\"\"}\",LGPL-3\n"
                  "2,fleet,uninstalled,,Odoo S.A.,\"{\"\"en_US\"\": \"\"Fleet\"\"}\",LGPL-3\n"
                  "3,queue_job,to upgrade,16.0.2.1.0,\"ACSONE, Odoo Community Association "
                  "(OCA)\",Job Queue,LGPL-3\n"
                  "4,old_stuff,to remove,16.0.1.0.0,,Old,\n"
                  "5,sale_timesheet,to install,,Odoo S.A.,Sales Timesheet,\n"
                  "\n");
    struct import_set set = {0};
    struct diag_sink *sink = diag_sink_new();
    assert_true(import_csv_read(path, &set, sink));
    assert_int_equal(set.count, 3);
    const struct import_module *sale = import_set_find(&set, "sale");
    assert_non_null(sale);
    assert_string_equal(sale->title, "Sales");
    assert_string_equal(sale->version, "16.0.1.2");
    assert_true(sale->installed);
    assert_null(sale->path);
    assert_string_equal(import_set_find(&set, "queue_job")->author,
                        "ACSONE, Odoo Community Association (OCA)");
    assert_non_null(import_set_find(&set, "old_stuff"));
    assert_null(import_set_find(&set, "fleet"));
    assert_null(import_set_find(&set, "sale_timesheet"));
    import_set_free(&set);
    diag_sink_free(sink);
}

/* A module the trees hold but the export does not list is not installed. */
static void modules_the_export_leaves_out_are_not_installed(void **state)
{
    (void)state;
    const char *path =
        write_scratch("apps.csv", "\xEF\xBB\xBF\"Technical Name\",Status\r\nsale,Installed\r\n");
    struct import_set set = {0};
    import_set_add(&set, "acme_tools")->path = strdup("addons/acme_tools");
    struct diag_sink *sink = diag_sink_new();
    assert_true(import_csv_read(path, &set, sink));
    assert_false(import_set_find(&set, "acme_tools")->installed);
    assert_true(import_set_find(&set, "sale")->installed);
    import_set_free(&set);
    diag_sink_free(sink);
}

static void refuses_text_after_a_closing_quote(void **state)
{
    (void)state;
    const char *path = write_scratch("quote.csv", "name,state\n\"sale\"x,installed\n");
    struct import_set set = {0};
    struct diag_sink *sink = diag_sink_new();
    assert_false(import_csv_read(path, &set, sink));
    char *printed = diagnostics_text(sink);
    char expected[512];
    snprintf(expected, sizeof expected,
             "%s:2:7: error: text follows the closing quote of this field\n", path);
    assert_string_equal(printed, expected);
    free(printed);
    import_set_free(&set);
    diag_sink_free(sink);
}

static struct import_module *module_with(struct import_set *set, const char *name,
                                         const char *author, const char *license, const char *path,
                                         const char *version)
{
    struct import_module *module = import_set_add(set, name);
    module->author = author ? strdup(author) : NULL;
    module->license = license ? strdup(license) : NULL;
    module->path = path ? strdup(path) : NULL;
    module->version = version ? strdup(version) : NULL;
    return module;
}

static void classifies_origins_by_author_licence_and_place(void **state)
{
    (void)state;
    struct import_set set = {0}, target = {0};
    char *own_names[] = {"ACME IT"};
    struct text_list own = {.items = own_names, .count = 1};
    module_with(&set, "sale", "Odoo S.A.", "LGPL-3", NULL, "16.0.1.2");
    module_with(&set, "account_accountant", "Odoo S.A.", "OEEL-1", NULL, "16.0.1.1");
    module_with(&set, "web_studio", NULL, NULL, "src/enterprise/web_studio", "16.0.1.0");
    module_with(&set, "queue_job", "ACSONE SA/NV, Odoo Community Association (OCA)", "LGPL-3",
                "oca/queue/queue_job", "16.0.2.1.0");
    module_with(&set, "acme_sale", "ACME IT, Odoo Community Association (OCA)", "LGPL-3",
                "custom/acme_sale", "16.0.1.0.0");
    module_with(&set, "acme_noauthor", NULL, NULL, "custom/acme_noauthor", "1.0");
    module_with(&set, "cy_dashboard", "Cybrosys Techno Solutions", "OPL-1", "vendor/cy",
                "16.0.1.0.0");
    struct import_settings settings = {"16.0", "18.0", &own, NULL, false, true};
    import_classify(&set, &target, &settings);
    const char *expected[][2] = {
        {"sale", "standard"},
        {"account_accountant", "enterprise"},
        {"web_studio", "enterprise"},
        {"queue_job", "oca"},
        {"acme_sale", "custom"},
        {"acme_noauthor", "custom"},
        {"cy_dashboard", "third-party"},
    };
    for (size_t index = 0; index < sizeof expected / sizeof expected[0]; index++)
        assert_string_equal(
            schema_inventory_origins[import_set_find(&set, expected[index][0])->origin],
            expected[index][1]);
    assert_string_equal(import_set_find(&set, "queue_job")->series, "16.0");
    assert_null(import_set_find(&set, "acme_noauthor")->series);
    assert_int_equal(import_set_find(&set, "sale")->proposals.count, 0);
    import_set_free(&set);
}

static void proposes_from_target_trees_and_the_removed_list(void **state)
{
    (void)state;
    struct import_set set = {0}, target = {0};
    char *removed_names[] = {"note"};
    struct text_list own = {0}, removed = {.items = removed_names, .count = 1};
    struct import_module *custom =
        module_with(&set, "acme_notes", NULL, NULL, "c/acme_notes", "16.0.1.0.0");
    custom->depends.items = calloc(2, sizeof(char *));
    custom->depends.items[custom->depends.count++] = strdup("note");
    custom->lines[LINES_PYTHON] = 120;
    module_with(&set, "mis_builder", "Odoo Community Association (OCA)", NULL, "o/mis_builder",
                "16.0.1.0.0");
    module_with(&set, "web_responsive", "Odoo Community Association (OCA)", NULL,
                "o/web_responsive", "16.0.1.0.0");
    module_with(&set, "note", "Odoo S.A.", "LGPL-3", NULL, "16.0.1.0");
    module_with(&target, "mis_builder", NULL, NULL, "t/mis_builder", "17.0.1.0.0");
    module_with(&target, "web_responsive", NULL, NULL, "t/web_responsive", "18.0.1.0.0");
    struct import_settings settings = {"16.0", "18.0", &own, &removed, true, false};
    import_classify(&set, &target, &settings);
    const struct import_module *notes = import_set_find(&set, "acme_notes");
    assert_int_equal(notes->target, TARGET_MISSING);
    assert_int_equal(notes->proposals.count, 2);
    assert_string_equal(notes->proposals.items[0],
                        "Custom module with no 18.0 release in the target trees: port it "
                        "(120 lines of Python, 0 of XML, 0 of JavaScript).");
    assert_string_equal(notes->proposals.items[1], "Depends on `note`, removed in 18.0.");
    assert_int_equal(notes->action, ACTION_REVIEW);
    const struct import_module *mis = import_set_find(&set, "mis_builder");
    assert_int_equal(mis->target, TARGET_MISSING);
    assert_string_equal(mis->proposals.items[0],
                        "The target trees hold version 17.0.1.0.0, which is for 17.0.");
    assert_int_equal(import_set_find(&set, "web_responsive")->target, TARGET_FOUND);
    assert_int_equal(import_set_find(&set, "web_responsive")->action, ACTION_MIGRATE);
    assert_int_equal(import_set_find(&set, "note")->action, ACTION_REPLACE);
    import_set_free(&set);
    import_set_free(&target);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_the_database_export),
        cmocka_unit_test(modules_the_export_leaves_out_are_not_installed),
        cmocka_unit_test(refuses_text_after_a_closing_quote),
        cmocka_unit_test(classifies_origins_by_author_licence_and_place),
        cmocka_unit_test(proposes_from_target_trees_and_the_removed_list),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
