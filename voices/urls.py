from django.urls import path

from . import views

app_name = "voices"

urlpatterns = [
    path("review/<str:token>/", views.review, name="review"),
]
