from django.apps import apps
from django.contrib import admin


def test_every_model_of_our_apps_is_in_the_admin():
    ours = {"asnportal", "positions", "performance", "training"}
    missing = [
        model.__name__
        for model in apps.get_models()
        if model._meta.app_label in ours
        and not model.__name__.startswith("Historical")
        and model not in admin.site._registry
    ]
    assert missing == []


def test_admin_changelists_render(admin_client, world):
    ours = {"asnportal", "positions", "performance"}
    for model in (m for m in admin.site._registry if m._meta.app_label in ours):
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert admin_client.get(url).status_code == 200, url
