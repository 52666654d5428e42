#ifndef CPACSLINKSHIMS_H
#define CPACSLINKSHIMS_H
// Wrappers for the OpenSSL and libuv macros that Swift cannot import (function-like macros,
// SSL_OP_* constants), glibc's mallopt and sbrk (malloc.h is not in Swift's Glibc module) and
// O_DIRECT (defined only under _GNU_SOURCE).
// Nothing else belongs here: the logic lives in DICOMTransport and pacslink.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/x509v3.h>
#include <uv.h>

static inline long pacslink_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long pacslink_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}
static inline long pacslink_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline size_t pacslink_BIO_pending(BIO *bio) { return BIO_pending(bio); }

/// No renegotiation (TLS 1.2; BCP 195), and free idle record buffers (many idle associations).
static inline void pacslink_SSL_CTX_set_secure_defaults(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
}

#ifdef __GLIBC__
#include <malloc.h>
/// mallopt(3): glibc's allocator parameters (M_TOP_PAD, M_ARENA_MAX, M_MMAP_THRESHOLD).
static inline int pacslink_mallopt(int parameter, int value) { return mallopt(parameter, value); }
static const int pacslink_M_TOP_PAD = M_TOP_PAD;
static const int pacslink_M_ARENA_MAX = M_ARENA_MAX;
static const int pacslink_M_MMAP_THRESHOLD = M_MMAP_THRESHOLD;
#include <unistd.h>
/// sbrk(0): the end of the main heap.
static inline void *pacslink_heap_end(void) { return sbrk(0); }
#include <fcntl.h>
/// open(2)'s O_DIRECT, which <fcntl.h> names only under _GNU_SOURCE (its value differs by
/// architecture; __O_DIRECT is always there).
static const int pacslink_O_DIRECT = __O_DIRECT;
#endif

#endif
