package dev.strompy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/** Reads what a class file names, for the tests that check which classes depend on which. */
final class ConstantPool {
    private ConstantPool() {
    }

    /** The UTF-8 strings of a class file's constant pool: every class and descriptor it names. */
    static Set<String> strings(InputStream classFile, String name) throws IOException {
        Set<String> out = new TreeSet<>();
        DataInputStream in = new DataInputStream(classFile);
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " in " + name);
            }
        }
        return out;
    }
}
