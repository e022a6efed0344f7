#!/usr/bin/env python3
"""Writes the seed corpus of the kernel fuzzers (tests/fuzz/corpus/<family>/), in the input
layout fuzz_kernels.c documents. Seeds cover every kernel index of a family, lengths around
every vector width (15..17, 31..33, 63..65, 191..193), zero, a page, and one large length; in
place and not; several offsets; parameter bits at both ends of their ranges.

    python3 tests/fuzz/make_seeds.py image 1     # family, number of kernels in the table
"""
import os
import struct
import sys

LENGTHS = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 193,
           200, 4099]


def seed(kernel, n, in_place, out_off, in_off, bits, large=False, rows=1, pads=(0, 0),
         channels=1, data=b""):
    flags = (0x80 if large else 0) | (1 if in_place else 0)
    head = struct.pack("<BHBBBBBBB", kernel, n, flags, out_off, in_off, rows, pads[0], pads[1],
                       channels)
    head += struct.pack("<4Q", *bits)
    return head + data


def main():
    family, count = sys.argv[1], int(sys.argv[2])
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", family)
    os.makedirs(out, exist_ok=True)
    data = bytes(range(256)) + bytes([0, 255] * 32)
    bit_sets = [(0, 0, 0, 0), (510, 1, 2, 3), (255, 0x3F800000, 0, 0),
                (2**64 - 1, 2**63, 2**32 - 1, 7)]
    k = 0
    for kernel in range(count):
        for i, n in enumerate(LENGTHS):
            # bits[0] also steps with the length, so that rows that pick a variant with it (an
            # (op, type) pair of strata_binary) start from many of them
            b = bit_sets[i % len(bit_sets)]
            bits = ((b[0] + 7 * i) % 2**64,) + b[1:]
            s = seed(kernel, n, i % 2 == 1, (i * 5) % 64, (i * 3) % 64, bits,
                     rows=1 + i % 4, pads=(i % 3, i % 5), channels=1 + i % 4, data=data)
            with open(os.path.join(out, f"k{kernel}_n{n}_{k:03d}"), "wb") as f:
                f.write(s)
            k += 1
        s = seed(kernel, 40000, 1, 1, 2, bit_sets[1], large=True, data=data)  # 640000 elements
        with open(os.path.join(out, f"k{kernel}_large_{k:03d}"), "wb") as f:
            f.write(s)
        k += 1


if __name__ == "__main__":
    main()
