"""The threshold fit of ``bench.calibrate``: raised only where a wrong value is, as little as possible."""

from __future__ import annotations

from bench.calibrate import fit


def test_thresholds_rise_only_for_the_kind_with_wrong_values():
    samples = {
        "date": [(0.85, True), (0.9, True), (0.95, True)],
        "place": [(0.82, True), (0.86, False), (0.9, True), (0.97, True)],
    }
    fitted = fit(samples, target=0.999, floor=0.8)
    assert fitted["date"] == 0.8
    assert fitted["place"] == 0.9  # just past the wrong value at 0.86


def test_the_cheapest_wrong_value_goes_first():
    # One wrong value in each kind; the target allows one: the kind where removing it costs less goes.
    samples = {
        "name": [(0.81, True), (0.82, True), (0.83, True), (0.84, False)] + [(0.9, True)] * 400,
        "text": [(0.81, False)] + [(0.9, True)] * 600,
    }
    fitted = fit(samples, target=0.999, floor=0.8)
    assert fitted["text"] == 0.9 and fitted["name"] == 0.8


def test_a_kind_that_never_reaches_the_target_accepts_nothing():
    fitted = fit({"text": [(0.99, False), (0.99, False)]}, target=0.999, floor=0.8)
    assert fitted["text"] > 1.0
