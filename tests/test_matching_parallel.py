"""The suggest contract over two processes (matching/parallel.py): same answers, same order.

The split is forced on small inputs here (``PARALLEL_MIN_ROWS`` lowered); where a fork is not
safe (not Linux, or other threads running) the groups run in this process and the answers must
still be the same.
"""

from __future__ import annotations

import os

import pytest

from catalog_app.matching import parallel
from catalog_app.matching.contract import suggest_file
from catalog_app.matching.parallel import can_fork, suggest_groups


def test_groups_come_back_in_order_from_two_processes(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1)
    groups = [f"g{i}" for i in range(7)]
    out = suggest_groups(lambda part: [(g, os.getpid()) for g in part], groups, [1] * 7, 2)
    assert [g for g, _ in out] == groups
    pids = {pid for _, pid in out}
    if can_fork():
        assert len(pids) == 2 and os.getpid() in pids  # the second half ran in the child
    else:
        assert pids == {os.getpid()}


def test_one_worker_or_a_small_input_stays_in_this_process(monkeypatch):
    groups = ["a", "b", "c"]
    out = suggest_groups(lambda part: [os.getpid() for _ in part], groups, [1, 1, 1], 2)
    assert set(out) == {os.getpid()}  # 3 rows: under PARALLEL_MIN_ROWS
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1)
    out = suggest_groups(lambda part: [os.getpid() for _ in part], groups, [1, 1, 1], 1)
    assert set(out) == {os.getpid()}


def test_an_error_in_the_child_reaches_the_caller(monkeypatch):
    if not can_fork():
        pytest.skip("no fork here")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1)
    parent = os.getpid()

    def work(part):
        if os.getpid() != parent:
            raise ValueError("child failed")
        return list(part)

    with pytest.raises(ValueError, match="child failed"):
        suggest_groups(work, ["a", "b"], [1, 1], 2)


def test_contract_answers_are_the_same_split_or_not(tmp_path, shipped_matcher, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1)
    path = tmp_path / "in.csv"
    lines = ["header,values,file,sheet"]
    tables = [
        ("시장.csv", [("이름", "가나시장 | 다라시장"), ("시장유형", "상설 | 정기")]),
        ("주유소.xlsx", [("휘발유", "1548 | 1565"), ("경유", "1345 | 1365")]),
        ("회원.csv", [("가입일", "2024-01-05 | 2024-02-01"), ("회원명", "홍길동 | 김철수")]),
        ("도로.csv", [("도로명주소", "서울특별시 중구 세종대로 110 | 부산광역시 중구 중앙대로 2")]),
    ]
    for file_name, cols in tables:
        lines += [f"{h},{v},{file_name}," for h, v in cols]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    alone = list(suggest_file(path, shipped_matcher, workers=1))
    split = list(suggest_file(path, shipped_matcher, workers=2))
    assert split == alone
    assert [o["header"] for o in split] == [h for _, cols in tables for h, _ in cols]


def test_by_default_a_busy_machine_keeps_the_work_in_this_process(monkeypatch):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    assert parallel.default_workers() == 1
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.4, 0.5, 0.5))
    assert parallel.default_workers() == 2
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 1)
    assert parallel.default_workers() == 1
