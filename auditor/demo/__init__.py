"""The demo brand world: a generated furniture retailer served on 127.0.0.1."""

from auditor.demo.server import DemoServer, serve, write_served_spec
from auditor.demo.world import World, generate

__all__ = ["DemoServer", "World", "generate", "serve", "write_served_spec"]
