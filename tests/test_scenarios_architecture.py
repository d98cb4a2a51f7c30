"""Architecture starting values: equal weights and an even highway split labelled as the reader's choice; the
PMSM rare-earth content is magnet mass per motor × rare-earth share, both from model_parameters."""
from __future__ import annotations

import pytest

from widgets.pages import book
from widgets.motors.model import WEIGHTED
from widgets.core.data import bibliography_keys
from widgets.motors import start as start


def test_weights_are_equal_and_labelled_a_choice():
    sliders, provenance = start.architecture_sliders()
    weights = {getattr(sliders, f"weight_{name}") for name in WEIGHTED}
    assert weights == {1.0}
    assert sliders.highway_share_pct == 50.0
    assert all(p.confidence == "choice" and "reader's choice" in p.how for p in provenance.values())


def test_pmsm_rare_earth_kg_is_mass_times_share():
    result = start.rare_earth_kg_pmsm()
    mass = book.figure("model_parameters", "value", parameter="ndfeb_magnet_mass_per_motor_kg_mp",
                       scenario="reference")
    share = book.figure("model_parameters", "value", parameter="rare_earth_share_of_ndfeb_pct", scenario="reference")
    assert result.kg == pytest.approx(mass * share / 100) == pytest.approx(0.6)   # 2.0 kg × 30 %
    assert start.rare_earth_kg_pmsm(motors_per_vehicle=2).kg == pytest.approx(1.2)
    # MP's 2024 upper bound 1.43 kg × the vendor's low Nd/PrNd share 29 % = 0.4147 kg
    low = start.rare_earth_kg_pmsm("ndfeb_magnet_mass_per_motor_kg_mp_2024", "rare_earth_share_of_ndfeb_pct_vendor_low")
    assert low.kg == pytest.approx(0.4147)
    with pytest.raises(ValueError, match="motors_per_vehicle"):
        start.rare_earth_kg_pmsm(motors_per_vehicle=0)


def test_every_architecture_has_a_starting_kg_with_provenance():
    kg, provenance = start.rare_earth_kg_per_vehicle()
    assert set(kg) == set(start.scores()["architecture"])
    assert kg["pmsm-ndfeb"] == pytest.approx(0.6)
    assert {arch: kg[arch] for arch in start.MAGNET_FREE} == dict.fromkeys(start.MAGNET_FREE, 0.0)
    assert kg["pmsm-ferrite"] == 0.0 and provenance["pmsm-ferrite"].confidence == "gap"
    assert provenance["pmsm-ndfeb"].confidence == "company-claim"   # the weaker of company-claim and secondary
    assert set(provenance["pmsm-ndfeb"].source_id.split(";")) <= bibliography_keys()


def test_basis_counts_add_up_to_the_table():
    counts = start.basis_counts()
    assert counts.to_numpy().sum() == len(start.scores())
    assert counts.loc["maturity", "sourced"] == 6 and counts.loc["nvh", "judgement"] == 5
