"""Ore starting values come from the data rows they name, with provenance that resolves to the bibliography."""
from __future__ import annotations

import pytest

from widgets.pages import book
from widgets.core.data import bibliography_keys
from widgets.ore import start as start


def test_beylikova_deposit_is_the_2025_claim_with_implied_grade():
    deposit, provenance = start.beylikova_deposit()
    claim = book.row("deposits", estimate_id="beylikova-2025-reo-claim")
    assert deposit.ore_mt == claim["ore_mt"]
    assert deposit.grade_treo_pct == pytest.approx(claim["contained_treo_mt"] / claim["ore_mt"] * 100)
    assert provenance["grade_treo_pct"].how.startswith("[calc]")


def test_sliders_start_at_model_parameters_and_name_the_gap():
    sliders, provenance = start.ore_sliders()
    cost = book.figure("model_parameters", "value", parameter=start.NOLANS_COST, scenario="base")
    output = book.figure("model_parameters", "value", parameter=start.NOLANS_OUTPUT, scenario="reference")
    ore_mt = book.figure("model_parameters", "value", parameter=start.NOLANS_THROUGHPUT, scenario="reference")
    # whole-chain cost per tonne of ore = cost per kg of product × kg of product a year / tonnes of ore a year
    assert sliders.opex_usd_per_t_ore == pytest.approx(cost * output * 1000 / (ore_mt * 1e6), rel=5e-3)
    assert provenance["opex_usd_per_t_ore"].how.startswith("[calc]")
    assert sliders.dytb_share_of_treo_pct == 0.0 and provenance["dytb_share_of_treo_pct"].confidence == "gap"
    cited = {p.source_id for p in provenance.values() if p.source_id}
    assert cited <= bibliography_keys()
