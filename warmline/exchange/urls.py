from django.urls import path, re_path

from warmline.exchange.views import duplicates, exports, imports

app_name = "exchange"

urlpatterns = [
    path("import/", imports.import_start, name="import_start"),
    path("import/columns/", imports.import_map, name="import_map"),
    path("import/preview/", imports.import_preview, name="import_preview"),
    path("import/confirm/", imports.import_confirm, name="import_confirm"),
    path("import/cancel/", imports.import_cancel, name="import_cancel"),
    path("export/", exports.export_page, name="export"),
    re_path(
        r"^export/(?P<kind>csv|vcard|ics|json)/$",
        exports.export_download,
        name="export_download",
    ),
    path("people/duplicates/", duplicates.duplicate_list, name="duplicates"),
    path(
        "people/duplicates/merge/",
        duplicates.duplicate_merge,
        name="duplicate_merge",
    ),
    path(
        "people/duplicates/apart/",
        duplicates.duplicate_apart,
        name="duplicate_apart",
    ),
]
