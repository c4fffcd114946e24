from django.urls import path

from directory import confirmation, corrections, invitations, suggestions, views

app_name = "directory"

urlpatterns = [
    path("", views.directory_list, name="list"),
    path("organisationen.geojson", views.directory_geojson, name="geojson"),
    path("organisationen.csv", views.directory_csv, name="csv"),
    path("einladung/<str:token>/", invitations.accept_invitation, name="invitation"),
    path("bestaetigen/<str:token>/", confirmation.confirm_view, name="confirmation"),
    path("vorschlagen/", suggestions.suggest, name="suggest"),
    path("vorschlagen/danke/", suggestions.suggest_thanks, name="suggest_thanks"),
    path("<slug:slug>/", views.directory_detail, name="detail"),
    path("<slug:slug>/korrektur/", corrections.report_correction, name="correction"),
    path("<slug:slug>/korrektur/danke/", corrections.correction_thanks, name="correction_thanks"),
]
