// Prints a PDF's text as pdf.js (Debian's libjs-pdf) extracts it: the
// text items of each line joined, a line per line. Usage: node pdfjs_text.js FILE.pdf
const pdfjs = require('/usr/share/nodejs/pdfjs-dist/build/pdf.js');
const fs = require('fs');

async function main() {
  const data = new Uint8Array(fs.readFileSync(process.argv[2]));
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false }).promise;
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    let line = '', lastY = null;
    for (const item of content.items) {
      const y = item.transform[5];
      if (lastY !== null && Math.abs(y - lastY) > 1) {
        console.log(line);
        line = '';
      }
      line += item.str;
      lastY = y;
    }
    if (line) console.log(line);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
