"""The zero-GOV fee paths from the Python client (`async-substrate-interface`), no custom types.

An account that never holds GOV receives USD, buys credits (the fee comes out of the credits
bought) and sends USD on (the fee paid in USD through the USD/GOV pool). The client signs from
the chain's metadata alone, the extensions included.

    python zero_gov.py ws://127.0.0.1:9944
"""

import asyncio
import sys

from async_substrate_interface import AsyncSubstrateInterface
from bittensor_wallet import Keypair

USD_ID = 1
USD = 10**6
CREDIT = 10**6


async def usd_of(api, who):
    acc = await api.query("Assets", "Account", [USD_ID, who])
    value = getattr(acc, "value", acc)
    return value["balance"] if value else 0


async def gov_of(api, who):
    acc = await api.query("System", "Account", [who])
    return getattr(acc, "value", acc)["data"]["free"]


async def submit(api, keypair, module, function, params):
    call = await api.compose_call(module, function, params)
    xt = await api.create_signed_extrinsic(call=call, keypair=keypair)
    receipt = await api.submit_extrinsic(xt, wait_for_inclusion=True)
    if not await receipt.is_success:
        raise AssertionError(f"{module}.{function} failed: {await receipt.error_message}")
    return receipt


async def main(url):
    alice = Keypair.create_from_uri("//Alice")
    user = Keypair.create_from_uri("//PythonUsdOnly")
    bob = Keypair.create_from_uri("//Bob")
    async with AsyncSubstrateInterface(url) as api:
        assert await gov_of(api, user.ss58_address) == 0
        # 1. USD from Alice.
        await submit(api, alice, "Assets", "transfer_keep_alive",
                     {"id": USD_ID, "target": user.ss58_address, "amount": 10 * USD})
        # 2. Credits bought with it: no GOV needed, the fee comes out of the credits.
        await submit(api, user, "Credits", "buy", {"credits": 100 * CREDIT, "max_usd": 3 * USD})
        assert await usd_of(api, user.ss58_address) == 7 * USD
        # 3. USD sent on: the fee paid in USD through the pool.
        before = await usd_of(api, bob.ss58_address)
        await submit(api, user, "Assets", "transfer_keep_alive",
                     {"id": USD_ID, "target": bob.ss58_address, "amount": 5 * USD})
        assert await usd_of(api, bob.ss58_address) - before == 5 * USD
        left = await usd_of(api, user.ss58_address)
        assert 0 < 2 * USD - left < USD // 100, f"a USD fee below a cent: {2 * USD - left}"
        assert await gov_of(api, user.ss58_address) == 0, "still no GOV"
    print("python client: USD-only account bought credits and sent USD, fees in credits and USD")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944"))
