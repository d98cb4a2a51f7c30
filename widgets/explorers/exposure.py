"""Live export-control exposure explorer: pick a date, edit a bill of materials (add and remove rows), set the
product value → per component, the rules that apply, whether a licence is needed and why; and the product's
verdict (including the value-share rule, which binds the product as a whole)."""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as ipw
import pandas as pd

from widgets.explorers.common import LAYOUT_WIDE, STYLE_WIDE, Explorer, number_input
from widgets.labels import label
from widgets.models.exposure import BOM_COLUMNS, ORIGINS, assess_bom

#: Grid columns: (BOM column, width).
GRID_COLUMNS = (("component", "14rem"), ("value_usd", "7rem"), ("mass_kg", "6rem"), ("rare_earth_elements", "9rem"),
                ("rare_earth_origin", "8rem"), ("made_in_china", "6rem"), ("made_with_chinese_technology", "7rem"))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


class BomRow:
    """One editable BOM row: component text, value, mass, elements text, origin dropdown, two checkboxes and a
    remove button."""

    def __init__(self, row: dict, on_change: Callable[[], None], on_remove: Callable[[BomRow], None]):
        def cell(column: str) -> dict:
            width = dict(GRID_COLUMNS)[column]
            return {"layout": ipw.Layout(width=width), "tooltip": label(f"exposure.grid.{column}")}

        self.cells: dict[str, ipw.ValueWidget] = {
            "component": ipw.Text(value=_text(row.get("component")), **cell("component")),
            "value_usd": ipw.FloatText(value=float(row.get("value_usd", 0.0)), **cell("value_usd")),
            "mass_kg": ipw.FloatText(value=float(row.get("mass_kg", 0.0)), **cell("mass_kg")),
            "rare_earth_elements": ipw.Text(value=_text(row.get("rare_earth_elements")),
                                            placeholder=label("exposure.grid.elements_placeholder"),
                                            **cell("rare_earth_elements")),
            "rare_earth_origin": ipw.Dropdown(options=[(label(f"exposure.origin.{o}"), o) for o in ORIGINS],
                                              value=row.get("rare_earth_origin") if row.get("rare_earth_origin") in ORIGINS
                                              else "unknown",
                                              **cell("rare_earth_origin")),
            "made_in_china": ipw.Checkbox(value=bool(row.get("made_in_china", False)), indent=False,
                                          **cell("made_in_china")),
            "made_with_chinese_technology": ipw.Checkbox(value=bool(row.get("made_with_chinese_technology", False)),
                                                         indent=False, **cell("made_with_chinese_technology")),
        }
        self.remove = ipw.Button(description=label("exposure.grid.remove"), tooltip=label("exposure.grid.remove"),
                                 layout=ipw.Layout(width="7rem"))
        self.remove.on_click(lambda _button: on_remove(self))
        for widget in self.cells.values():
            widget.observe(lambda _change: on_change(), names="value")
        self.widget = ipw.HBox([*self.cells.values(), self.remove])

    def record(self) -> dict:
        return {column: widget.value for column, widget in self.cells.items()}


class BomGrid:
    """A small editable grid of BOM rows with add-row and remove-row buttons; ``frame()`` is the BOM table in
    the columns ``assess_bom`` expects (possibly empty: the model then says so)."""

    def __init__(self, bom: pd.DataFrame):
        self.on_change: Callable[[], None] = lambda: None
        self.rows: list[BomRow] = []
        header = [ipw.HTML(f"<b>{html.escape(label(f'exposure.grid.{column}'))}</b>", layout=ipw.Layout(width=width))
                  for column, width in GRID_COLUMNS]
        self.header = ipw.HBox(header)
        self.body = ipw.VBox()
        self.add = ipw.Button(description=label("exposure.grid.add"), tooltip=label("exposure.grid.add"),
                              icon="plus")
        self.add.on_click(lambda _button: self.add_row())
        self.widget = ipw.VBox([ipw.HTML(f"<b>{html.escape(label('exposure.grid.title'))}</b>"), self.header,
                                self.body, self.add])
        for record in bom.to_dict("records"):
            self._append(record)
        self._redraw()

    def _changed(self) -> None:
        self.on_change()

    def _append(self, record: dict) -> BomRow:
        row = BomRow(record, self._changed, self.remove_row)
        self.rows.append(row)
        return row

    def _redraw(self) -> None:
        self.body.children = [row.widget for row in self.rows]

    def add_row(self) -> BomRow:
        """A new row: a numbered default name, no value, no rare earths, origin non_china, flags off."""
        row = self._append({"component": f"{label('exposure.grid.new_component')} {len(self.rows) + 1}",
                            "value_usd": 0.0, "mass_kg": 0.0, "rare_earth_elements": "",
                            "rare_earth_origin": "non_china", "made_in_china": False,
                            "made_with_chinese_technology": False})
        self._redraw()
        self._changed()
        return row

    def remove_row(self, row: BomRow) -> None:
        self.rows.remove(row)
        self._redraw()
        self._changed()

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([row.record() for row in self.rows], columns=list(BOM_COLUMNS))


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th scope='col' style='text-align:left;padding-right:1rem'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='padding-right:1rem'>{html.escape(cell)}</td>" for cell in row)
                   + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def assessment_html(regulations: pd.DataFrame, bom: pd.DataFrame, on_date: object, product_value_usd: float) -> str:
    """The per-component table and the product verdict for ``assess_bom`` (which validates every input)."""
    a = assess_bom(regulations, bom, on_date, product_value_usd)
    rows = [[r.component, r.regulation_ids.replace(";", ", ") or label("exposure.out.none"),
             label("exposure.value.yes") if r.licence_needed else label("exposure.value.no"), r.reason]
            for r in a.components.itertuples(index=False)]
    table = _table([label(f"exposure.out.{column}") for column in ("component", "rules", "licence", "reason")], rows)
    verdict = label("exposure.out.verdict_licence" if a.licence_needed else "exposure.out.verdict_no_licence")
    reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in a.reasons)
    share = (f"<p>{html.escape(label('exposure.out.controlled'))}: US$ {a.chinese_controlled_value_usd:,.2f} "
             f"({a.chinese_controlled_value_share_pct:.3g} %)</p>")
    return (f"{table}<p><strong>{html.escape(label('exposure.out.product'))}: {html.escape(verdict)}</strong></p>"
            f"<ul>{reasons}</ul>{share}")


def exposure_explorer(regulations: pd.DataFrame, bom: pd.DataFrame, on_date: dt.date,
                      product_value_usd: float) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display, ``.grid`` the editable BOM."""
    grid = BomGrid(bom)
    inputs = {"on_date": ipw.DatePicker(value=pd.Timestamp(on_date).date(), description=label("exposure.input.on_date"),
                                        layout=LAYOUT_WIDE, style=STYLE_WIDE),
              "product_value_usd": number_input("exposure.input.product_value_usd", product_value_usd, step=100)}

    def update(values: dict):
        return assessment_html(regulations, grid.frame(), values["on_date"], values["product_value_usd"]), None

    explorer = Explorer(inputs, update, extra_controls=[grid.widget])
    grid.on_change = explorer.refresh
    explorer.grid = grid
    return explorer
