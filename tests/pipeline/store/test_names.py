from pipeline.store.names import fold_name, has_diacritics, name_key, normalize_name


def test_folded_name_matches_without_diacritics():
    assert fold_name("nguyen thi thu huong") == fold_name("NGUYỄN THỊ THU HƯƠNG") == "NGUYEN THI THU HUONG"


def test_d_with_stroke_folds_to_d():
    assert fold_name("Đặng Đức Đạt") == "DANG DUC DAT"


def test_tone_mark_styles_share_one_key():
    assert name_key("NGUYỄN THỊ HÒA") == name_key("NGUYỄN THỊ HOÀ")
    assert name_key("Lê Thủy") == name_key("LÊ THUỶ")
    assert name_key("HƯƠNG") != name_key("HƯỜNG")
    assert name_key("HOA") != name_key("HÒA")


def test_normalize_and_detect_diacritics():
    assert normalize_name("  nguyễn   văn  a ") == "NGUYỄN VĂN A"
    assert has_diacritics("Nguyễn")
    assert not has_diacritics("nguyen van a")
    decomposed = "NGUYE\u0302\u0303N"
    assert normalize_name(decomposed) == "NGUYỄN"
