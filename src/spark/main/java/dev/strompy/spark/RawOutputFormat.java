package dev.strompy.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * Part files that hold the values' bytes as they are, nothing between them: each part is a
 * stretch of what one process writes, so the parts' concatenation is the whole output. Spark's
 * output committer moves a task's file into place only when the task succeeds.
 */
public final class RawOutputFormat extends FileOutputFormat<NullWritable, BytesWritable> {
    @Override
    public RecordWriter<NullWritable, BytesWritable> getRecordWriter(FileSystem ignored, JobConf job, String name,
            Progressable progress) throws IOException {
        Path file = FileOutputFormat.getTaskOutputPath(job, name);
        FSDataOutputStream out = file.getFileSystem(job).create(file, progress);
        return new RecordWriter<>() {
            @Override
            public void write(NullWritable key, BytesWritable value) throws IOException {
                out.write(value.getBytes(), 0, value.getLength());
            }

            @Override
            public void close(Reporter reporter) throws IOException {
                out.close();
            }
        };
    }
}
