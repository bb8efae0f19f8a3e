import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from positions.models import Employee
from positions.nip import parse_nip

TODAY = dt.date(2026, 11, 28)


def test_valid_pns_nip_is_parsed():
    info = parse_nip("198609262015051001", pppk=False, today=TODAY)
    assert info.birth_date == dt.date(1986, 9, 26)
    assert (info.appointment_year, info.appointment_month) == (2015, 5)
    assert info.gender == "L"


def test_valid_pppk_nip_is_parsed():
    info = parse_nip("199009132025242014", pppk=True, today=TODAY)
    assert info.birth_date == dt.date(1990, 9, 13)
    assert info.appointment_year == 2025
    assert info.appointment_month is None
    assert info.gender == "P"


@pytest.mark.parametrize(
    ("nip", "fragment"),
    [
        ("19860926201505100", "18 digit"),  # 17 digits
        ("1986092620150510011", "18 digit"),  # 19 digits
        ("19860926 201505 1 001", "18 digit"),  # spaces
        ("1986O9262015051001", "18 digit"),  # a letter O
        ("198602302015051001", "bukan tanggal lahir"),  # 30 February
        ("198609262015131001", "bulan 01–12"),  # month 13 of TMT CPNS
        ("198609262015053001", "jenis kelamin"),  # gender digit 3
        ("198609262000051001", "kurang dari 18 tahun"),  # appointed at 13
        ("198609262027051001", "masa depan"),  # appointed in 2027
        ("198609262015051000", "000"),  # sequence 000
        ("193001012015051001", "tidak masuk akal"),  # born 1930
    ],
)
def test_invalid_pns_nip_is_refused_with_a_reason(nip, fragment):
    with pytest.raises(ValidationError) as exc:
        parse_nip(nip, pppk=False, today=TODAY)
    assert fragment in exc.value.messages[0]


def test_pppk_number_is_not_a_valid_pns_nip():
    # The PPPK middle part "2025 24" reads as month 24 when taken as a PNS TMT.
    with pytest.raises(ValidationError):
        parse_nip("199009132025242014", pppk=False, today=TODAY)


def test_pppk_contract_code_00_is_refused():
    with pytest.raises(ValidationError, match="00"):
        parse_nip("199009132025002014", pppk=True, today=TODAY)


def _employee(**overrides):
    data = {
        "nip": "198609262015051001",
        "name": "Budi",
        "kind": "pns",
        "gender": "L",
        "birth_date": dt.date(1986, 9, 26),
        "golongan": "31",
    }
    data.update(overrides)
    return Employee(**data)


def test_employee_consistent_with_nip_is_clean():
    _employee().clean()


def test_employee_birth_date_must_match_nip():
    with pytest.raises(ValidationError) as exc:
        _employee(birth_date=dt.date(1986, 9, 27)).clean()
    assert "26-09-1986" in exc.value.message_dict["birth_date"][0]


def test_employee_gender_must_match_nip():
    with pytest.raises(ValidationError) as exc:
        _employee(gender="P").clean()
    assert "gender" in exc.value.message_dict


def test_pppk_cannot_have_pns_golongan():
    pppk = _employee(
        nip="199009132025242014",
        kind="pppk",
        gender="P",
        birth_date=dt.date(1990, 9, 13),
        golongan="31",
    )
    with pytest.raises(ValidationError) as exc:
        pppk.clean()
    assert "golongan" in exc.value.message_dict


def test_pns_cannot_have_pppk_golongan():
    with pytest.raises(ValidationError) as exc:
        _employee(golongan="P09").clean()
    assert "golongan" in exc.value.message_dict
