/* bcryptprimitives.dll for wine 8, which lacks ProcessPrng: Rust's standard
 * library (1.78 and later) asks it for random bytes (HashMap keys, temporary
 * file names). Forwarded to RtlGenRandom (advapi32's SystemFunction036),
 * which wine has. Built by tests/windows.rs with
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 * and placed beside peixun.exe. Only for running under wine: Windows 10 and
 * later have the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
