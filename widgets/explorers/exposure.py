"""Live export-control explorer: pick a date, a destination and an end use, edit the items you export (add and
remove rows) → for each item, whether a Chinese licence is needed, under which rules and why. A switch counts
parts and assemblies as Part II items (the contested reading of No. 61's annex)."""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as ipw
import numpy as np
import pandas as pd

from widgets.charts.table import html_table
from widgets.charts.words import date_name, finding_text, regulation_name
from widgets.explorers.common import INPUT_FIGURES, LAYOUT_WIDE, STYLE_WIDE, Explorer
from widgets.core.numbers import round_to
from widgets.core.labels import label
from widgets.exposure.model import END_USES, FORMS, ITEM_COLUMNS, ORIGINS, ItemsAssessment, assess_items

#: Grid columns: (items column, width).
GRID_COLUMNS = (("item", "15rem"), ("form", "9rem"), ("rare_earth_elements", "7rem"), ("made_in_china", "5rem"),
                ("rare_earth_origin", "7rem"), ("made_with_chinese_technology", "6rem"), ("value_usd", "7rem"),
                ("part_i_content_value_usd", "7rem"))
DESTINATIONS = ("", "JP")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _number_text(value: object) -> str:
    """A grid number as the box shows it: empty for an unknown value (NaN), else the number."""
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else f"{float(value):g}"


def _read_number(name: str, text: str) -> float:
    """The number typed in a grid box; an empty box is an unknown value (NaN)."""
    text = text.strip().replace(",", "")
    if not text:
        return np.nan
    try:
        return float(text)
    except ValueError:
        raise ValueError(label("error.not_a_number", name=name, value=text)) from None


class ItemRow:
    """One editable item: text, form and origin drop-downs, two checkboxes, two numbers, a remove button."""

    def __init__(self, row: dict, on_change: Callable[[], None], on_remove: Callable[[ItemRow], None]):
        def cell(column: str) -> dict:
            return {"layout": ipw.Layout(width=dict(GRID_COLUMNS)[column]),
                    "description_allow_html": False, "tooltip": label(f"exposure.grid.{column}")}

        origin = row.get("rare_earth_origin") if row.get("rare_earth_origin") in ORIGINS else "unknown"
        form = row.get("form") if row.get("form") in FORMS else "other"
        self.cells: dict[str, ipw.ValueWidget] = {
            "item": ipw.Text(value=_text(row.get("item")), **cell("item")),
            "form": ipw.Dropdown(options=[(label(f"exposure.form.{f}"), f) for f in FORMS], value=form, **cell("form")),
            "rare_earth_elements": ipw.Text(value=_text(row.get("rare_earth_elements")),
                                            placeholder=label("exposure.grid.elements_placeholder"),
                                            **cell("rare_earth_elements")),
            "made_in_china": ipw.Checkbox(value=bool(row.get("made_in_china", False)), indent=False,
                                          **cell("made_in_china")),
            "rare_earth_origin": ipw.Dropdown(options=[(label(f"exposure.origin.{o}"), o) for o in ORIGINS],
                                              value=origin, **cell("rare_earth_origin")),
            "made_with_chinese_technology": ipw.Checkbox(value=bool(row.get("made_with_chinese_technology", False)),
                                                         indent=False, **cell("made_with_chinese_technology")),
            # a text box, so that an unknown value stays empty (a number box would turn it into 0)
            "value_usd": ipw.Text(value=_number_text(row.get("value_usd")),
                                  placeholder=label("exposure.grid.unknown_value"), **cell("value_usd")),
            "part_i_content_value_usd": ipw.FloatText(value=round_to(float(row.get("part_i_content_value_usd") or 0.0), INPUT_FIGURES),
                                                      **cell("part_i_content_value_usd")),
        }
        self.remove = ipw.Button(description=label("exposure.grid.remove"), tooltip=label("exposure.grid.remove"),
                                 layout=ipw.Layout(width="7rem"))
        self.remove.on_click(lambda _button: on_remove(self))
        for widget in self.cells.values():
            widget.observe(lambda _change: on_change(), names="value")
        self.widget = ipw.HBox([*self.cells.values(), self.remove])

    def record(self) -> dict:
        record = {column: widget.value for column, widget in self.cells.items()}
        record["value_usd"] = _read_number(f"{record['item']!r}: {label('exposure.grid.value_usd')}",
                                           record["value_usd"])
        return record


class ItemGrid:
    """An editable grid of items with add-row and remove-row buttons; ``frame()`` is the items table in the
    columns ``assess_items`` reads (possibly empty: the model then says so)."""

    def __init__(self, items: pd.DataFrame):
        self.on_change: Callable[[], None] = lambda: None
        self.rows: list[ItemRow] = []
        header = [ipw.HTML(f"<b>{html.escape(label(f'exposure.grid.{column}'))}</b>", layout=ipw.Layout(width=width))
                  for column, width in GRID_COLUMNS]
        self.body = ipw.VBox()
        self.add = ipw.Button(description=label("exposure.grid.add"), tooltip=label("exposure.grid.add"), icon="plus")
        self.add.on_click(lambda _button: self.add_row())
        self.widget = ipw.VBox([ipw.HTML(f"<b>{html.escape(label('exposure.grid.title'))}</b>"), ipw.HBox(header),
                                self.body, self.add])
        for record in items.to_dict("records"):
            self.rows.append(ItemRow(record, self._changed, self.remove_row))
        self._redraw()

    def _changed(self) -> None:
        self.on_change()

    def _redraw(self) -> None:
        self.body.children = [row.widget for row in self.rows]

    def add_row(self) -> ItemRow:
        """A new row: a numbered default name, form 'other', no rare earths, not Chinese, value 1 US$."""
        row = ItemRow({"item": f"{label('exposure.grid.new_item')} {len(self.rows) + 1}", "form": "other",
                       "rare_earth_elements": "", "made_in_china": False, "rare_earth_origin": "non_china",
                       "made_with_chinese_technology": False, "value_usd": 1.0, "part_i_content_value_usd": 0.0},
                      self._changed, self.remove_row)
        self.rows.append(row)
        self._redraw()
        self._changed()
        return row

    def remove_row(self, row: ItemRow) -> None:
        self.rows.remove(row)
        self._redraw()
        self._changed()

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([row.record() for row in self.rows], columns=list(ITEM_COLUMNS))


def assessment_rows(result: ItemsAssessment, regulations: pd.DataFrame, items: pd.DataFrame
                    ) -> tuple[list[list[str]], list[str]]:
    """Per item: [item, licence yes/no, the findings in words]; and the names of the rules in force."""
    rows = []
    for item in items["item"]:
        own = result.findings[result.findings["item"] == item]
        words = "; ".join(finding_text(f, regulations) for _, f in own.iterrows()) or label("exposure.out.none")
        rows.append([item, label("exposure.value.yes" if result.licence_needed[item] else "exposure.value.no"), words])
    return rows, [regulation_name(rid, regulations) for rid in result.regulation_ids_in_force]


def _html(rows: list[list[str]], in_force: list[str], on_date: object) -> str:
    header = [label(f"exposure.out.{key}") for key in ("item", "licence", "reason")]
    rules = label("exposure.out.in_force", date=date_name(on_date),
                  rules=", ".join(in_force) or label("exposure.out.none"))
    return html_table(header, rows, row_header=0) + f"<p>{html.escape(rules)}</p>"


def exposure_explorer(regulations: pd.DataFrame, control_list_items: pd.DataFrame, items: pd.DataFrame,
                      on_date: dt.date) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display, ``.grid`` the editable items."""
    grid = ItemGrid(items)
    inputs = {
        "on_date": ipw.DatePicker(value=pd.Timestamp(on_date).date(), description=label("exposure.input.on_date"),
                                  layout=LAYOUT_WIDE, style=STYLE_WIDE),
        "destination": ipw.Dropdown(options=[(label(f"exposure.destination.{d or 'any'}"), d) for d in DESTINATIONS],
                                    value="", description=label("exposure.input.destination"),
                                    layout=LAYOUT_WIDE, style=STYLE_WIDE),
        "end_use": ipw.Dropdown(options=[(label(f"exposure.end_use.{u}"), u) for u in END_USES], value="civil",
                                description=label("exposure.input.end_use"), layout=LAYOUT_WIDE, style=STYLE_WIDE),
        "include_contested": ipw.Checkbox(value=False, description=label("exposure.input.include_contested"),
                                          indent=False, layout=LAYOUT_WIDE),
    }

    def update(values: dict):
        if values["on_date"] is None:
            raise ValueError(label("error.not_allowed", name=label("exposure.input.on_date"), value=None,
                                   allowed=label("exposure.input.on_date_allowed")))
        context = {k: values[k] for k in ("destination", "end_use", "include_contested")}
        items = grid.frame()
        result = assess_items(regulations, control_list_items, items, values["on_date"], **context)
        rows, in_force = assessment_rows(result, regulations, items)
        return _html(rows, in_force, values["on_date"]), None, result

    explorer = Explorer(inputs, update, extra_controls=[grid.widget])
    grid.on_change = explorer.refresh
    explorer.grid = grid
    return explorer
