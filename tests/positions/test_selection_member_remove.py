"""Removing a panitia member from the selection page (positions/views_selection.py): a
removed member is gone with a success message; a missing, malformed or unknown id is refused
with an error message; every answer goes back to the selection."""

from django.urls import reverse

from positions import selection as service
from positions.models import JptSelection, SelectionCommitteeMember


def _remove(client, selection, data):
    url = reverse("positions:selection_member_remove", args=[selection.pk])
    response = client.post(url, data, follow=True)
    assert response.redirect_chain == [(selection.get_absolute_url(), 302)]
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_remove_a_member_or_be_told_why_not(client_as, hr_admin, world, today):
    selection = JptSelection.objects.create(position=world.kadis_dishub, opened_on=today)
    member = service.add_member(selection, name="Sekda", role="anggota", unsur="internal")
    client = client_as(hr_admin)
    unknown = [("error", "Anggota panitia tidak dikenal.")]
    assert _remove(client, selection, {}) == unknown
    assert _remove(client, selection, {"member": "x"}) == unknown
    assert _remove(client, selection, {"member": member.pk}) == [
        ("success", "Anggota panitia dihapus.")
    ]
    assert not SelectionCommitteeMember.objects.exists()
    assert _remove(client, selection, {"member": member.pk}) == [
        ("error", "Anggota panitia tidak ditemukan pada seleksi ini.")
    ]
