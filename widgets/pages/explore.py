"""Every live explorer of the book at its starting values, one call each: ``explore.ore()``.

For a live kernel (JupyterLab, Binder, JupyterHub): each returns an explorer that displays itself, with its
inputs at the starting values of the topic's ``start`` module (each with its source). One set of controls:
the explorer's chart follows its inputs and has no sliders of its own. The published book shows no explorer
(a widget without a kernel would not respond); its charts carry their own sliders instead.
"""
from __future__ import annotations

from widgets.explorers.architecture import architecture_explorer
from widgets.explorers.common import Explorer
from widgets.explorers.exposure import exposure_explorer
from widgets.explorers.fleet import fleet_explorer
from widgets.explorers.magnets import magnet_explorer
from widgets.explorers.ore import ore_explorer
from widgets.exposure import start as exposure_start
from widgets.fleet import start as fleet_start
from widgets.magnets import start as magnet_start
from widgets.motors import start as motor_start
from widgets.ore import start as ore_start


def exposure():
    """Your exports on a date, to a destination, for an end use: which need a Chinese licence, and why (chapter 02)."""
    return exposure_explorer(exposure_start.regulations(), exposure_start.control_list_items(), exposure_start.items(),
                             exposure_start.assessment_date().date())


def magnets() -> Explorer:
    """Replace one motor's magnets: the mass, heavy rare earths and rare-earth cost of each material (chapter 03)."""
    sliders, _ = magnet_start.magnet_sliders()
    return magnet_explorer(magnet_start.magnets(), magnet_start.content(), magnet_start.BASELINE_MAGNET_ID, sliders)


def ore() -> Explorer:
    """A deposit's oxide, output, cost, margin, breakeven grade and thorium, from Beylikova's implied grade (chapter 04)."""
    deposit, _ = ore_start.beylikova_deposit()
    sliders, _ = ore_start.ore_sliders()
    return ore_explorer(ore_start.deposits(), deposit, sliders)


def architectures() -> Explorer:
    """Weigh the motor architectures yourself, then look at one vehicle (chapter 05)."""
    sliders, _ = motor_start.architecture_sliders()
    kg_per_vehicle, _ = motor_start.rare_earth_kg_per_vehicle()
    return architecture_explorer(motor_start.scores(), sliders, kg_per_vehicle, architecture_id="pmsm-ndfeb")


def fleet() -> Explorer:
    """A fleet's rare-earth demand, China-dependent tonnes and bill under your levers (chapter 06)."""
    return fleet_explorer(fleet_start.kg_per_vehicle(), fleet_start.fleet_sliders(), fleet_start.presets())
