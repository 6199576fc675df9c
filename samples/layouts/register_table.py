"""The ruled table of a register page: columns with their headers (one header row, or two with group
headers spanning columns), an optional row of column numbers, and one row per entry whose cells wrap long
values. A cell may stack several values (two lines per entry, e.g. the mother's and the father's names), with a
thin rule between them when the column is divided."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from samples.canvas import Page

PAD = 3.2  # vertical padding of a cell (mm): 1.0 above the first line, the rest below the last


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # mm
    keys: tuple[str, ...]  # what the cell shows, stacked: entry keys or display keys ("" a blank cell)
    prefixes: tuple[str, ...] = ()  # text before each value, e.g. ("Mẹ: ", "Cha: ")
    group: str = ""  # the upper header of a two-row header over adjacent columns; "" spans both rows
    divided: bool = False  # a thin rule between the stacked values


@dataclass(frozen=True)
class TableStyle:
    header_style: str = "bold"
    header_pt: float = 9.5
    header_line: float = 4.2
    cell_style: str = "typed"
    cell_pt: float = 10.0
    line: float = 4.6
    numbered: bool = False  # a row "(1) (2) …" under the header, as printed in the books
    jitter: float = 0.0  # mm of random offset of each typed line (a typewriter's uneven strike)
    rule: float = 0.3
    header_align: str = "center"  # or "left"


Cell = Callable[[int, str], str]  # (row index, key) -> the text shown


def _scaled(style: TableStyle, factor: float) -> TableStyle:
    return replace(style, cell_pt=style.cell_pt * factor, line=style.line * factor)


def _cell_lines(page: Page, column: Column, texts: list[str], style: TableStyle) -> list[list[str]]:
    result = []
    for index, text in enumerate(texts):
        prefix = column.prefixes[index] if index < len(column.prefixes) else ""
        shown = f"{prefix}{text}" if text else ""
        width = column.width - 2.4
        result.append(page.wrap(shown, width, width, style.cell_style, style.cell_pt) if shown else [""])
    return result


def _row_layout(page: Page, columns: Sequence[Column], row: int, cell: Cell,
                style: TableStyle) -> tuple[list[list[list[str]]], list[float]]:
    """Every column's wrapped lines per stacked value, and the heights of the row's stacked sub-rows."""
    lines = [_cell_lines(page, c, [cell(row, k) if k else "" for k in c.keys], style) for c in columns]
    parts = max(len(c.keys) for c in columns)
    heights = [0.0] * parts
    for column_lines in lines:
        if len(column_lines) == parts:
            for k, part in enumerate(column_lines):
                heights[k] = max(heights[k], len(part) * style.line + PAD)
    heights = [h or style.line + PAD for h in heights]
    for column_lines in lines:
        if len(column_lines) < parts:  # a merged cell over the sub-rows
            need = sum(len(part) * style.line for part in column_lines) + PAD
            heights[-1] += max(0.0, need - sum(heights))
    return lines, heights


def _header(page: Page, x0: float, top: float, columns: Sequence[Column], style: TableStyle) -> tuple[float, float]:
    """Draw the header rows; returns their bottom and the bottom of the upper row of group headers."""
    two_rows = any(c.group for c in columns)

    def lines_of(text: str, width: float) -> list[str]:
        return [ln for part in text.split("\n") for ln in page.wrap(part, width - 2.4, width - 2.4,
                                                                      style.header_style, style.header_pt)]

    def put(x: float, y: float, texts: list[str], width: float) -> None:
        left = style.header_align == "left"
        for k, line in enumerate(texts):
            page.text(x + 1.2 if left else x + width / 2, y + 1.0 + style.header_line * (k + 1) - 1.1, line,
                      style.header_style, style.header_pt, align="left" if left else "center")

    if not two_rows:
        wrapped = [lines_of(c.header, c.width) for c in columns]
        bottom = top + max(len(w) for w in wrapped) * style.header_line + PAD
        x = x0
        for column, texts in zip(columns, wrapped, strict=True):
            put(x, top, texts, column.width)
            x += column.width
        page.hline(x0, x, top, style.rule)
        return bottom, top
    groups: list[tuple[str, float, float]] = []  # (group text, x start, width)
    x = x0
    for column in columns:
        if column.group and groups and groups[-1][0] == column.group and groups[-1][1] + groups[-1][2] == x:
            groups[-1] = (column.group, groups[-1][1], groups[-1][2] + column.width)
        elif column.group:
            groups.append((column.group, x, column.width))
        x += column.width
    upper = max([len(lines_of(g, w)) for g, _, w in groups] or [1]) * style.header_line + PAD
    lower_lines = [lines_of(c.header, c.width) for c in columns]
    lower = max(len(w) for c, w in zip(columns, lower_lines, strict=True) if c.group) * style.header_line + PAD
    for text, gx, width in groups:
        put(gx, top, lines_of(text, width), width)
        page.hline(gx, gx + width, top + upper, style.rule * 0.8)
    x = x0
    for column, texts in zip(columns, lower_lines, strict=True):
        if column.group:
            put(x, top + upper, texts, column.width)
        else:
            put(x, top + (upper + lower - len(texts) * style.header_line - PAD) / 2, texts, column.width)
        x += column.width
    page.hline(x0, x, top, style.rule)
    return top + upper + lower, top + upper


def draw_table(page: Page, x0: float, top: float, columns: Sequence[Column], rows: int, cell: Cell,
               style: TableStyle, rng: random.Random, bottom_limit: float = 203.0) -> float:
    """Draw the table with ``rows`` entries (``cell`` gives each shown text); returns the table's bottom.

    Rows that would run below ``bottom_limit`` are drawn in smaller type (the page holds its entries)."""
    for factor in (1.0, 0.92, 0.85, 0.78, 0.72):
        chosen = _scaled(style, factor)
        layouts = [_row_layout(page, columns, r, cell, chosen) for r in range(rows)]
        if top + 30 + sum(sum(h) for _, h in layouts) <= bottom_limit:
            break
    style = chosen
    right = x0 + sum(c.width for c in columns)
    y, upper_bottom = _header(page, x0, top, columns, style)
    if style.numbered:
        page.hline(x0, right, y, style.rule)
        x = x0
        for n, column in enumerate(columns, start=1):
            page.text(x + column.width / 2, y + 3.6, f"({n})", "italic", style.header_pt - 1, align="center")
            x += column.width
        y += 5.0
    page.hline(x0, right, y, style.rule)
    for lines, heights in layouts:
        x = x0
        for column, parts in zip(columns, lines, strict=True):
            sub_y = y
            for k, part in enumerate(parts):
                dx = rng.uniform(-style.jitter, style.jitter) if style.jitter else 0.0
                dy = rng.uniform(-style.jitter, style.jitter) if style.jitter else 0.0
                for i, line in enumerate(part):
                    page.text(x + 1.2 + dx, sub_y + 1.0 + style.line * (i + 1) - 1.1 + dy, line, style.cell_style,
                              style.cell_pt)
                if len(parts) == len(heights):
                    sub_y += heights[k]
                    if column.divided and k < len(parts) - 1:
                        page.hline(x, x + column.width, sub_y, style.rule * 0.6)
                else:
                    sub_y += len(part) * style.line
            x += column.width
        y += sum(heights)
        page.hline(x0, right, y, style.rule)
    x = x0
    page.vline(x, top, y, style.rule)
    for index, column in enumerate(columns):
        x += column.width
        following = columns[index + 1] if index + 1 < len(columns) else None
        inside_group = bool(column.group) and following is not None and following.group == column.group
        page.vline(x, upper_bottom if inside_group else top, y, style.rule)
    return y
