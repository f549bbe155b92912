package dev.policygate.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes PDFs the way policy PDFs look: A4 pages, paragraphs wrapped at the right margin (CJK anywhere, Latin
 * words kept whole), an indented first line, page numbers in the footer. The CJK font is a committed subset of
 * WenQuanYi Micro Hei ({@value #FONT}, Apache-2.0; {@code regenerate.sh} beside it), so no font package is needed.
 */
public final class TestPdfs {
    static final String FONT = "/fonts/wqy-microhei-subset.ttf";
    static final float SIZE = 11f;
    static final float MARGIN = 56f;

    private TestPdfs() {
    }

    private static PDType0Font font(PDDocument doc) throws IOException {
        try (InputStream in = TestPdfs.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("test font " + FONT + " is missing from the test classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    static byte[] pdf(String text, String ownerPassword, String userPassword) throws IOException {
        return pdf(text, ownerPassword, userPassword, null);
    }

    /** With a running header on every page when {@code header} is not null. */
    static byte[] pdf(String text, String ownerPassword, String userPassword, String header) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = font(doc);
            PDRectangle a4 = PDRectangle.A4;
            float width = a4.getWidth() - 2 * MARGIN;
            float leading = SIZE * 1.6f;
            List<String> lines = new ArrayList<>();
            for (String para : text.split("\n")) {
                String p = para.strip();
                if (!p.isEmpty()) {
                    lines.addAll(wrap(font, p, width));
                    lines.add(null); // paragraph gap
                }
            }
            int perPage = (int) ((a4.getHeight() - 2 * MARGIN) / leading);
            int page = 0;
            for (int i = 0; i < lines.size(); i += perPage) {
                page++;
                PDPage pg = new PDPage(a4);
                doc.addPage(pg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, pg)) {
                    float y = a4.getHeight() - MARGIN;
                    for (int j = i; j < Math.min(lines.size(), i + perPage); j++) {
                        String line = lines.get(j);
                        if (line != null) {
                            cs.beginText();
                            cs.setFont(font, SIZE);
                            cs.newLineAtOffset(MARGIN, y);
                            cs.showText(line);
                            cs.endText();
                        }
                        y -= line == null ? leading * 0.5f : leading;
                    }
                    if (header != null) {
                        cs.beginText();
                        cs.setFont(font, 9);
                        cs.newLineAtOffset(MARGIN, a4.getHeight() - MARGIN / 2);
                        cs.showText(header);
                        cs.endText();
                    }
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(a4.getWidth() / 2 - 10, MARGIN / 2);
                    cs.showText("- " + page + " -");
                    cs.endText();
                }
            }
            if (ownerPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] pdf(String text) throws IOException {
        return pdf(text, null, null);
    }

    /** What {@link #helveticaPage} draws on its page. */
    private interface Drawing {
        void draw(PDDocument doc, PDPageContentStream cs, PDType1Font helvetica) throws IOException;
    }

    /** A one-page A4 PDF in Helvetica, its page drawn by {@code drawing}. */
    private static byte[] helveticaPage(Drawing drawing) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawing.draw(doc, cs, helvetica);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A one-page PDF in a standard font whose ToUnicode map holds one bfrange from {@code first} to {@code last}
     * (hex codes): a damaged or hostile font map, since PDFBox expands a range one code at a time.
     */
    public static byte[] withFontMapRange(String first, String last) throws IOException {
        return helveticaPage((doc, cs, helvetica) -> {
            cs.beginText();
            cs.setFont(helvetica, 12);
            cs.newLineAtOffset(MARGIN, 700);
            cs.showText("Privacy policy");
            cs.endText();
            String cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Damaged def\n"
                    + "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                    + "1 beginbfrange\n<" + first + "> <" + last + "> <0041>\nendbfrange\n"
                    + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
            PDStream map = new PDStream(doc, new ByteArrayInputStream(cmap.getBytes(StandardCharsets.US_ASCII)));
            helvetica.getCOSObject().setItem(COSName.TO_UNICODE, map);
        });
    }

    /** One page of {@code n} one-character lines in 1-point type. */
    public static byte[] manyLines(int n) throws IOException {
        return helveticaPage((doc, cs, helvetica) -> {
            cs.beginText();
            cs.setFont(font(doc), 1); // Chinese, or the service refuses the text as not Chinese
            cs.newLineAtOffset(MARGIN, 800);
            for (int i = 0; i < n; i++) {
                cs.showText("信");
                cs.newLineAtOffset(0, -1.5f);
            }
            cs.endText();
        });
    }

    private static boolean word(char c) {
        return c < 0x2e80 && c != ' ';
    }

    /** Greedy wrap: break between any two characters except inside a Latin word or next to a space. */
    static List<String> wrap(PDType0Font font, String p, float width) throws IOException {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < p.length()) {
            int end = start;
            int lastBreak = -1;
            while (end < p.length() && font.getStringWidth(p.substring(start, end + 1)) / 1000 * SIZE <= width) {
                end++;
                if (end < p.length()) {
                    char a = p.charAt(end - 1);
                    char b = p.charAt(end);
                    boolean ok = !(word(a) && word(b)) && a != ' ' && b != ' ';
                    if (ok) {
                        lastBreak = end;
                    }
                }
            }
            if (end < p.length() && lastBreak > start) {
                end = lastBreak;
            }
            out.add(p.substring(start, end));
            start = end;
        }
        return out;
    }
}
