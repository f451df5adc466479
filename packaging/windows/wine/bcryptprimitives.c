/* Test shim for wine 8 (Debian 12), used only by scripts/package --check: wine 8 has no
 * bcryptprimitives.dll, whose ProcessPrng the Rust standard library (1.78+) imports for
 * random numbers on Windows 10 and later. This stand-in forwards to BCryptGenRandom with the
 * system RNG, which wine implements. Never shipped: Windows 10/11 has the real DLL. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
