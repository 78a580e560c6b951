from django.urls import path

from warmline.insights import views

app_name = "insights"

urlpatterns = [
    path("insights/", views.insights, name="insights"),
    path("insights/report/", views.weekly_report, name="report"),
    path("network/", views.network_page, name="network"),
    path("network/data/", views.network_data, name="network_data"),
    path("targets/", views.target_list, name="targets"),
    path("targets/<int:pk>/remove/", views.target_remove, name="target_remove"),
]
