"""The header's links per role (issue 15): each role finds its own screens (the appraiser's and the
leader's too) and the lists of dossiers and papers, and every link it is shown opens for it."""

from __future__ import annotations

import re

import pytest

from app.web.navigation import NAVIGATION, links

from .conftest import ROLES


def _nav(html: str) -> list[tuple[str, bool]]:
    block = re.search(r'<nav aria-label="Chức năng">(.*?)</nav>', html, re.S).group(1)
    return [(href, bool(current)) for href, current in
            re.findall(r'<a href="([^"]+)"( aria-current="page")?>', block)]


@pytest.mark.parametrize("role", ROLES)
def test_every_link_a_role_is_shown_opens_for_it(clients, role):
    client, _ = clients[role]
    home = NAVIGATION[role][0][0]
    shown = _nav(client.get(home).text)
    assert [href for href, _ in shown] == [href for href, _ in NAVIGATION[role]]
    assert [href for href, current in shown if current] == [home], "the screen shown is marked"
    assert "/tra-cuu" in dict(shown) and "/danh-sach" in dict(shown)
    for href, _ in shown:
        assert client.get(href, follow_redirects=False).status_code == 200, (role, href)


def test_the_appraiser_and_the_leader_have_their_screens_and_the_dossiers_list():
    assert [h for h, _ in NAVIGATION["tham_dinh"]][:2] == ["/tham-dinh", "/danh-sach/ho-so"]
    assert [h for h, _ in NAVIGATION["lanh_dao"]][:2] == ["/phe-duyet", "/danh-sach/ho-so"]
    marked = [href for href, _label, current in links("tiep_nhan", "/danh-sach/ho-so") if current]
    assert marked == ["/danh-sach/ho-so"], "the dossiers' list, not the papers' list it starts with"
    assert [href for href, _l, current in links("tham_dinh", "/tham-dinh/ABC") if current] == ["/tham-dinh"]
