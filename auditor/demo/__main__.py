"""``python -m auditor.demo --locations N --seed S --out DIR [--night 2] [--serve]``.

``--variant SEED`` writes a variant world instead (a brand in the conventions that seed draws;
see ``auditor.demo.variant``), with its own spec and ground truth; ``--platforms`` adds the
listing platforms' APIs (Google, Foursquare, Facebook, Apple, OpenStreetMap) to a variant world
(``auditor.demo.platforms``; the demo credentials are printed to export before auditing)."""

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
    parser.add_argument("--platforms", action="store_true", help="with the listing platforms too")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.platforms:
        from auditor.demo.platforms import CREDENTIALS, DEFAULT_SEED, generate_platform_world
        from auditor.demo.variant import write_served_variant_spec

        world = generate_platform_world(args.out, DEFAULT_SEED if args.variant is None else args.variant)
        served_spec = write_served_variant_spec
        print("export " + " ".join(f"{k}={v}" for k, v in sorted(CREDENTIALS.items())), flush=True)
    elif args.variant is not None:
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
