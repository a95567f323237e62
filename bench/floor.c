// The I/O floor of a run: writes the very same files as a completed run folder (same names,
// same bytes) into a new folder the way the job does at its cheapest (every file created on
// `threads` threads, one syncfs, one rename, the parent folder flushed) and reports the time.
// A full `retier run` cannot write its output faster than this on the same disk; bench/run.sh
// --floor runs it beside the full run.
//
//   cc -O2 -pthread -o floor bench/floor.c
//   floor [--threads N] RUN_FOLDER NEW_FOLDER
//
// The files are read into memory first, untimed (the job renders them in memory too). What is
// timed: creating NEW_FOLDER's temporary twin beside it and its subfolders, creating and writing
// every file (O_CREAT | O_EXCL, no fsync each), one syncfs, the rename into place and an fsync
// of the parent folder. The last line of the report is machine-readable (key=value).
// NEW_FOLDER must not exist. Exit status: 0 done, 64 usage, 1 a system call failed.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/// One file of the run folder: its path relative to the folder and its bytes.
struct file {
  char *path;
  char *bytes;
  size_t size;
};

static struct file *files;
static size_t file_count, file_capacity;
/// Folders relative to the run folder, parents before children.
static char **folders;
static size_t folder_count, folder_capacity;
static size_t total_bytes;

/// The folder being written (the temporary twin) while the threads run.
static const char *writing_root;
/// The next file a thread takes.
static atomic_size_t next_file;
/// Set by the first failing thread.
static atomic_int failed;

static void fail(const char *call, const char *path) {
  fprintf(stderr, "floor: %s %s: %s\n", call, path, strerror(errno));
  exit(1);
}

static void *grow(void *array, size_t *capacity, size_t element) {
  *capacity = *capacity ? 2 * *capacity : 1024;
  void *grown = realloc(array, *capacity * element);
  if (!grown) {
    fprintf(stderr, "floor: out of memory\n");
    exit(1);
  }
  return grown;
}

static char *join(const char *folder, const char *name) {
  char *path;
  if (folder[0] == '\0') {
    path = strdup(name);
  } else if (asprintf(&path, "%s/%s", folder, name) < 0) {
    path = NULL;
  }
  if (!path) {
    fprintf(stderr, "floor: out of memory\n");
    exit(1);
  }
  return path;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

/// Reads every file under `root`/`relative` into `files`, in name order.
static void read_tree(const char *root, const char *relative) {
  char *folder = join(root, relative);
  struct dirent **entries;
  int count = scandir(folder, &entries, NULL, by_name);
  if (count < 0) fail("scandir", folder);
  for (int index = 0; index < count; index++) {
    const char *name = entries[index]->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
      free(entries[index]);
      continue;
    }
    char *path = join(relative, name);
    char *full = join(root, path);
    struct stat status;
    if (lstat(full, &status) != 0) fail("stat", full);
    if (S_ISDIR(status.st_mode)) {
      if (folder_count == folder_capacity) {
        folders = grow(folders, &folder_capacity, sizeof *folders);
      }
      folders[folder_count++] = path;
      read_tree(root, path);
    } else if (S_ISREG(status.st_mode)) {
      if (file_count == file_capacity) files = grow(files, &file_capacity, sizeof *files);
      struct file *file = &files[file_count++];
      file->path = path;
      file->size = (size_t)status.st_size;
      file->bytes = malloc(file->size ? file->size : 1);
      if (!file->bytes) fail("malloc", full);
      int descriptor = open(full, O_RDONLY | O_CLOEXEC);
      if (descriptor < 0) fail("open", full);
      size_t done = 0;
      while (done < file->size) {
        ssize_t got = read(descriptor, file->bytes + done, file->size - done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) fail("read", full);
        done += (size_t)got;
      }
      close(descriptor);
      total_bytes += file->size;
    } else {
      free(path);
    }
    free(full);
    free(entries[index]);
  }
  free(entries);
  free(folder);
}

/// Creates and writes files until none is left, as the job's writer does on each core.
static void *write_files(void *unused) {
  (void)unused;
  for (;;) {
    size_t index = atomic_fetch_add(&next_file, 1);
    if (index >= file_count || atomic_load(&failed)) return NULL;
    const struct file *file = &files[index];
    char *path = join(writing_root, file->path);
    int descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (descriptor < 0) {
      atomic_store(&failed, 1);
      fail("open", path);
    }
    size_t done = 0;
    while (done < file->size) {
      ssize_t written = write(descriptor, file->bytes + done, file->size - done);
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) {
        atomic_store(&failed, 1);
        fail("write", path);
      }
      done += (size_t)written;
    }
    if (close(descriptor) != 0) fail("close", path);
    free(path);
  }
}

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

int main(int argc, char **argv) {
  int threads = 2;
  int argument = 1;
  if (argc >= 3 && strcmp(argv[1], "--threads") == 0) {
    threads = atoi(argv[2]);
    argument = 3;
  }
  if (argc - argument != 2 || threads < 1 || threads > 256) {
    fprintf(stderr, "usage: floor [--threads N] RUN_FOLDER NEW_FOLDER\n");
    return 64;
  }
  const char *source = argv[argument];
  char *destination = strdup(argv[argument + 1]);
  for (size_t length = strlen(destination); length > 1 && destination[length - 1] == '/';) {
    destination[--length] = '\0';
  }
  struct stat status;
  if (stat(destination, &status) == 0) {
    fprintf(stderr, "floor: %s already exists\n", destination);
    return 64;
  }

  read_tree(source, "");
  char *temporary;
  if (asprintf(&temporary, "%s.floor-%ld", destination, (long)getpid()) < 0) return 1;
  char *parent = strdup(destination);
  char *slash = strrchr(parent, '/');
  if (slash == parent) {
    slash[1] = '\0';
  } else if (slash) {
    *slash = '\0';
  } else {
    strcpy(parent, ".");
  }

  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  if (mkdir(temporary, 0755) != 0) fail("mkdir", temporary);
  for (size_t index = 0; index < folder_count; index++) {
    char *path = join(temporary, folders[index]);
    if (mkdir(path, 0755) != 0) fail("mkdir", path);
    free(path);
  }
  writing_root = temporary;
  pthread_t workers[256];
  for (int index = 0; index < threads; index++) {
    if (pthread_create(&workers[index], NULL, write_files, NULL) != 0) fail("pthread_create", "");
  }
  for (int index = 0; index < threads; index++) pthread_join(workers[index], NULL);
  double written = seconds_since(&start);

  int folder_descriptor = open(temporary, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_descriptor < 0) fail("open", temporary);
  if (syncfs(folder_descriptor) != 0) fail("syncfs", temporary);
  close(folder_descriptor);
  double synced = seconds_since(&start);

  if (rename(temporary, destination) != 0) fail("rename", temporary);
  int parent_descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_descriptor < 0) fail("open", parent);
  if (fsync(parent_descriptor) != 0) fail("fsync", parent);
  close(parent_descriptor);
  double total = seconds_since(&start);

  printf("floor: %zu files, %zu folders, %.1f MB on %d threads: write %.3f s, syncfs %.3f s, "
         "rename %.3f s\n",
         file_count, folder_count, (double)total_bytes / 1e6, threads, written, synced - written,
         total - synced);
  printf("files=%zu bytes=%zu threads=%d write_s=%.3f syncfs_s=%.3f rename_s=%.3f total_s=%.3f\n",
         file_count, total_bytes, threads, written, synced - written, total - synced, total);
  return 0;
}
