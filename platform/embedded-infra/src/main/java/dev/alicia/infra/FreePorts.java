package dev.alicia.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds free loopback ports. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * Reserves {@code count} distinct ports. All sockets stay open until every port is chosen: closing
     * one before opening the next can hand the same port out twice.
     */
    public static int[] reserve(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is still ours to use; nothing to do
                }
            }
        }
    }

    public static int reserve() {
        return reserve(1)[0];
    }
}
