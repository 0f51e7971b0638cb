"""The CAR reader of the Bluesky repo export: a hand-built CAR decodes to its commit, tree
and records; a file cut short keeps the blocks before the cut and says where it is."""

from __future__ import annotations

import libipld
import pytest

from car_helpers import small_car
from staffpulse.sources.car_blocks import (
    CarCutError,
    CarError,
    decode_block,
    iter_blocks_of,
    looks_car,
    parse_car,
    walk_tree,
)

DID = "did:plc:rosa4harbor7staffing"
RECORDS = {
    "app.bsky.feed.post/3kaaaaaaaaa22": {"$type": "app.bsky.feed.post", "text": "We are hiring"},
    "app.bsky.graph.follow/3kaaaaaaaad22": {"$type": "app.bsky.graph.follow", "subject": DID},
}


def test_a_hand_built_car_decodes_to_its_commit_and_records() -> None:
    data = small_car(DID, RECORDS)
    assert looks_car(data[:64])
    car = parse_car(data)
    assert car.cut_at is None
    commit = decode_block(car, car.roots[0])
    assert commit["did"] == DID
    walk = walk_tree(car, commit["data"])
    assert walk.missing_nodes == 0
    records = dict(iter_blocks_of(car, walk.entries))
    assert records == RECORDS


def test_a_car_cut_short_keeps_what_came_before_and_says_where() -> None:
    data = small_car(DID, RECORDS)
    whole = parse_car(data)
    cut = parse_car(data[:-10])  # inside the last record's section
    assert cut.cut_at is not None and 0 < cut.cut_at < len(data) - 10
    assert len(cut.blocks) == len(whole.blocks) - 1
    assert decode_block(cut, cut.roots[0])["did"] == DID  # the commit came first: kept


def test_a_file_cut_inside_its_header_is_told_so_and_another_file_is_no_car() -> None:
    data = small_car(DID, RECORDS)
    with pytest.raises(CarCutError, match="cut short inside its CAR header"):
        parse_car(data[:20])
    with pytest.raises(CarError):
        parse_car(b"id,author,text\n1,acme,hello\n")
    version_two = libipld.encode_dag_cbor({"version": 2, "roots": []})
    with pytest.raises(CarError, match="version 2"):
        parse_car(bytes([len(version_two)]) + version_two)
