"""Tandem from Python (`async-substrate-interface`, the client Bittensor's SDK uses; no custom
types): buy credits, read `CreditsApi.account`, commit then reveal weights.

    python tests/e2e/clients/python_client.py ws://127.0.0.1:9944 [netuid]   (with a netuid: commit, then reveal)
"""

import asyncio
import os
import sys

from async_substrate_interface import AsyncSubstrateInterface
from bittensor_wallet import Keypair
from scalecodec.utils.ss58 import ss58_decode
import hashlib

CREDIT = 10**6  # credits and USD: 6 decimals


async def submit(api, keypair, module, function, params):
    """Signs, submits and waits for the block; raises with the chain's named error."""
    call = await api.compose_call(module, function, params)
    xt = await api.create_signed_extrinsic(call=call, keypair=keypair)
    receipt = await api.submit_extrinsic(xt, wait_for_inclusion=True)
    if not await receipt.is_success:
        raise RuntimeError(str(await receipt.error_message))
    return receipt


def commit_hash(hotkey_ss58, netuid, uids, weights, salt, version):
    """blake2_256 of the SCALE encoding of (hotkey, netuid, uids, weights, salt, version)."""

    def compact(n):  # SCALE compact length (fewer than 2^14 items)
        return bytes([n << 2]) if n < 64 else ((n << 2) | 1).to_bytes(2, "little")

    def vec_u16(xs):
        return compact(len(xs)) + b"".join(x.to_bytes(2, "little") for x in xs)

    data = (bytes.fromhex(ss58_decode(hotkey_ss58)) + netuid.to_bytes(2, "little") + vec_u16(uids)
            + vec_u16(weights) + salt + version.to_bytes(8, "little"))
    return "0x" + hashlib.blake2b(data, digest_size=32).hexdigest()


async def main(url, netuid=None):
    alice = Keypair.create_from_uri("//Alice")
    async with AsyncSubstrateInterface(url) as api:
        # Buy 10 credits at no more than the price now.
        totals = await api.runtime_call("CreditsApi", "totals", [])
        price = getattr(totals, "value", totals)["credit_price"]
        credits = 10 * CREDIT
        max_usd = (credits * price + CREDIT - 1) // CREDIT
        await submit(api, alice, "Credits", "buy", {"credits": credits, "max_usd": max_usd})
        # Read the account through the runtime API.
        account = await api.runtime_call("CreditsApi", "account", [alice.ss58_address])
        account = getattr(account, "value", account)
        print({k: account[k] for k in ("free", "paid", "cashable")})
        if netuid is not None:
            bob = Keypair.create_from_uri("//Bob")
            uids, weights, salt, version = [1], [65535], os.urandom(32), 1
            digest = commit_hash(bob.ss58_address, netuid, uids, weights, salt, version)
            await submit(api, bob, "Yuma", "commit_weights", {"netuid": netuid, "hash": digest})
            print("committed")
            while True:  # reveal in the next epoch
                try:
                    # `uids` and `weights` are BoundedVecs, which this client encodes as a
                    # one-field tuple: the list goes inside another list.
                    await submit(api, bob, "Yuma", "reveal_weights", {
                        "netuid": netuid, "uids": [uids], "weights": [weights],
                        "salt": list(salt), "version": version})
                    break
                except RuntimeError as e:
                    if "RevealTooEarly" not in str(e):
                        raise
                    await asyncio.sleep(1)
            print("revealed")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944",
                     int(sys.argv[2]) if len(sys.argv) > 2 else None))
