# spark_batch.py: paridad batch on Spark, one `paridad batch` process per partition.
#   spark-submit --master 'local[2]' --files /path/to/paridad spark_batch.py MANIFEST OUTPUT
# MANIFEST: paridad's JSON-lines manifest, absolute paths to documents every worker mounts.
# OUTPUT: a directory that must not exist yet; one JSON line per manifest line, each with the
# manifest "line" it came from.
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def check_partition(numbered_lines):
    # The copy of the binary that --files put on this worker; pipe() would start "paridad"
    # with an empty environment, so a name on PATH is not found.
    paridad = SparkFiles.get("paridad")
    # --jobs 1: Spark runs one task per core already. --numbered: each line comes with its
    # number in the whole manifest, which every output record then carries as "line".
    proc = subprocess.Popen(
        [paridad, "batch", "--numbered", "--jobs", "1", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )

    def feed():
        try:
            for text, index in numbered_lines:
                proc.stdin.write(f"{index + 1}\t{text}\n".encode("utf-8"))
            proc.stdin.close()
        except BrokenPipeError:
            pass  # paridad is gone: its exit code, checked below, fails the task

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    feeder.join()
    # A paridad that died mid-partition (killed, out of memory) fails the task, so Spark
    # retries it and, if it fails every time, fails the job: no partition is cut short silently.
    if proc.wait() != 0:
        raise RuntimeError(f"paridad batch exited with {proc.returncode}")


if __name__ == "__main__":
    manifest, output = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("paridad").getOrCreate()
    (
        spark.sparkContext.textFile(manifest, minPartitions=4)
        .zipWithIndex()  # (line, its index in the whole manifest, from 0)
        .mapPartitions(check_partition)
        .saveAsTextFile(output)
    )
    spark.stop()
