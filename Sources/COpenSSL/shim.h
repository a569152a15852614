#ifndef DELTADB_COPENSSL_SHIM_H
#define DELTADB_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/pem.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/bio.h>
#include <openssl/x509.h>

// Function-like macros Swift cannot import, wrapped as tiny inline functions.

/// BIO_get_mem_data: points *data at a memory BIO's contents, returns their length.
static inline long deltadb_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

#endif
