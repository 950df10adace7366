package org.textdesk.media;

import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.textdesk.system.NotFoundException;

/**
 * Serves a kept file to logged-in staff: with its stored type, never sniffed, under a Content-Security-Policy
 * that lets nothing run, inline only for the allowed image types (a PDF, or anything asked for as a
 * download, is an attachment). Only files whose type is on the kept list are ever stored, so no SVG or HTML
 * is served at all.
 */
@Controller
class MediaController {

    /** Nothing in the file may load, run or navigate. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private record StoredFile(String contentType, byte[] content, String name) {
    }

    private final JdbcTemplate jdbc;

    MediaController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/media/{mediaId}")
    ResponseEntity<byte[]> show(@PathVariable long mediaId) {
        StoredFile file = find(mediaId);
        return serve(file, MediaTypes.image(file.contentType()));
    }

    @GetMapping("/media/{mediaId}/download")
    ResponseEntity<byte[]> download(@PathVariable long mediaId) {
        return serve(find(mediaId), false);
    }

    private StoredFile find(long mediaId) {
        List<StoredFile> files = jdbc.query("""
                select id, text_message_id, position, declared_type, state, not_kept_reason, content_type, size_bytes,
                    attempts, content
                from text_media where id = ? and state = ?""", (row, n) -> {
                    TextAttachment attachment = new TextAttachment(row.getLong(1), row.getLong(2), row.getInt(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getObject(8, Long.class), row.getInt(9));
                    return new StoredFile(attachment.contentType(), row.getBytes(10), attachment.name());
                }, mediaId, MediaState.STORED);
        if (files.isEmpty() || !MediaTypes.kept(files.get(0).contentType())) {
            throw new NotFoundException("file", mediaId);
        }
        return files.get(0);
    }

    private static ResponseEntity<byte[]> serve(StoredFile file, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name()).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(file.content());
    }
}
