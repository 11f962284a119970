"""``python -m auditor.demo --locations N --seed S --out DIR [--night 2] [--serve]``.

``--variant SEED`` writes a variant world instead (a brand in the conventions that seed draws;
see ``auditor.demo.variant``), with its own spec and ground truth."""

from __future__ import annotations

import argparse
import time

from auditor.demo import generate, serve, write_served_spec


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m auditor.demo", description=__doc__)
    parser.add_argument("--locations", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--night", type=int, default=1)
    parser.add_argument("--out", default="demo-world")
    parser.add_argument("--serve", action="store_true", help="keep serving until interrupted")
    parser.add_argument("--no-faults", action="store_true", help="serve the planted faulty pages normally")
    parser.add_argument("--variant", type=int, metavar="SEED", help="a variant world (its own conventions)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.variant is not None:
        from auditor.demo.variant import generate_variant, write_served_variant_spec

        world = generate_variant(args.out, args.variant)
        served_spec = write_served_variant_spec
    else:
        world = generate(args.out, locations=args.locations, seed=args.seed, night=args.night)
        served_spec = write_served_spec
    stores = len(world.roster.read_text(encoding="utf-8").splitlines()) - 1
    print(f"generated {stores} stores in {time.perf_counter() - started:.1f}s: {world.root}", flush=True)
    if args.serve:
        with serve(world.world_dir, faults=not args.no_faults) as server:
            spec = served_spec(world, server.proxy_url)
            print(f"serving on {server.proxy_url}; spec: {spec} (Ctrl-C to stop)", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
