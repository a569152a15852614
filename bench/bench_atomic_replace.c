/*
 * The durable atomic-replace ceiling for `make bench` (bench/bench.py).
 *
 * Each of T threads repeatedly replaces its own target file in one directory
 * exactly the way a durable store commits a small file:
 *
 *   open a new temp file, write SIZE bytes, fdatasync, close,
 *   rename it over the target, fsync the directory.
 *
 * It runs for SECONDS and prints one JSON line: the replaces per second over
 * all threads and the latency percentiles of one replace. This is the fastest
 * a store that fsyncs every acknowledged write can go on this disk, with this
 * many writers in flight.
 *
 *   bench_atomic_replace DIR THREADS SECONDS [SIZE]
 *
 * Build: gcc -O2 -pthread -o bench_atomic_replace bench_atomic_replace.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *directory;
static int size = 1024;
static double deadline;
static char *payload;

struct worker {
    pthread_t thread;
    int index;
    uint64_t count;
    double *latencies; /* seconds per replace */
    size_t capacity;
    int failed;
    char error[256];
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *run(void *arg) {
    struct worker *w = arg;
    char target[4096], temp[4096];
    snprintf(target, sizeof target, "%s/target-%d.json", directory, w->index);
    int dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        w->failed = 1;
        snprintf(w->error, sizeof w->error, "open dir: %s", strerror(errno));
        return NULL;
    }
    uint64_t sequence = 0;
    for (;;) {
        double start = now();
        if (start >= deadline) break;
        snprintf(temp, sizeof temp, "%s/.tmp-%d-%llu", directory, w->index, (unsigned long long)sequence++);
        int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) { w->failed = 1; snprintf(w->error, sizeof w->error, "open: %s", strerror(errno)); break; }
        ssize_t written = 0;
        while (written < size) {
            ssize_t n = write(fd, payload + written, (size_t)(size - written));
            if (n < 0) { if (errno == EINTR) continue; break; }
            written += n;
        }
        if (written != size || fdatasync(fd) != 0) {
            w->failed = 1; snprintf(w->error, sizeof w->error, "write/fdatasync: %s", strerror(errno));
            close(fd); break;
        }
        close(fd);
        if (rename(temp, target) != 0 || fsync(dirfd) != 0) {
            w->failed = 1; snprintf(w->error, sizeof w->error, "rename/fsync dir: %s", strerror(errno));
            break;
        }
        double elapsed = now() - start;
        if (w->count == w->capacity) {
            w->capacity = w->capacity ? w->capacity * 2 : 4096;
            w->latencies = realloc(w->latencies, w->capacity * sizeof(double));
            if (!w->latencies) { w->failed = 1; snprintf(w->error, sizeof w->error, "out of memory"); break; }
        }
        w->latencies[w->count++] = elapsed;
    }
    close(dirfd);
    return NULL;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(const double *sorted, size_t n, double p) {
    if (n == 0) return 0;
    size_t rank = (size_t)(p / 100.0 * (double)n + 0.5);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return sorted[rank - 1];
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s DIR THREADS SECONDS [SIZE]\n", argv[0]);
        return 2;
    }
    directory = argv[1];
    int threads = atoi(argv[2]);
    double seconds = atof(argv[3]);
    if (argc > 4) size = atoi(argv[4]);
    if (threads < 1 || threads > 1024 || seconds <= 0 || seconds > 600 || size < 1) {
        fprintf(stderr, "bad arguments\n");
        return 2;
    }
    payload = malloc((size_t)size);
    for (int i = 0; i < size; i++) payload[i] = (char)('a' + i % 26);

    struct worker *workers = calloc((size_t)threads, sizeof *workers);
    double start = now();
    deadline = start + seconds;
    for (int i = 0; i < threads; i++) {
        workers[i].index = i;
        pthread_create(&workers[i].thread, NULL, run, &workers[i]);
    }
    for (int i = 0; i < threads; i++) pthread_join(workers[i].thread, NULL);
    double elapsed = now() - start;

    size_t total = 0;
    for (int i = 0; i < threads; i++) {
        if (workers[i].failed) {
            fprintf(stderr, "thread %d failed: %s\n", i, workers[i].error);
            return 1;
        }
        total += workers[i].count;
    }
    double *all = malloc((total ? total : 1) * sizeof(double));
    size_t at = 0;
    for (int i = 0; i < threads; i++) {
        memcpy(all + at, workers[i].latencies, workers[i].count * sizeof(double));
        at += workers[i].count;
        char target[4096];
        snprintf(target, sizeof target, "%s/target-%d.json", directory, i);
        unlink(target);
    }
    qsort(all, total, sizeof(double), compare);
    printf("{\"threads\":%d,\"size\":%d,\"seconds\":%.3f,\"writes\":%zu,\"ops_per_s\":%.1f,"
           "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}\n",
           threads, size, elapsed, total, (double)total / elapsed,
           percentile(all, total, 50) * 1e3, percentile(all, total, 99) * 1e3,
           total ? all[total - 1] * 1e3 : 0.0);
    return 0;
}
