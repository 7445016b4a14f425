// Reads PDFs with pdf.js (Mozilla's PDF reader, as in Firefox): parses
// every page's content stream and fonts, writes each PDF's text beside it
// (FILE.pdf.pdfjs.txt) and prints "FILE.pdf PAGES" per file, so that a
// test can compare them with what poppler reads. Exits 1 when pdf.js
// cannot read one. Usage: PDFJS=.../pdfjs-dist node read_pdf.js FILE.pdf...
const path = require("path");
const fs = require("fs");
const pdfjs = require(path.join(process.env.PDFJS, "legacy/build/pdf.js"));

async function read(file) {
  const data = new Uint8Array(fs.readFileSync(file));
  const document = await pdfjs.getDocument({ data, verbosity: 1, stopAtErrors: true,
                                             useSystemFonts: false }).promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    text += content.items.map((item) => item.str).join(" ") + "\n";
    await page.getOperatorList(); // parses the content stream and loads the fonts
  }
  return { pages: document.numPages, text };
}

(async () => {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    try {
      const result = await read(file);
      fs.writeFileSync(`${file}.pdfjs.txt`, result.text);
      process.stdout.write(`${file} ${result.pages}\n`);
    } catch (error) {
      process.stdout.write(`${file} FAIL: pdf.js: ${error.message}\n`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
})();
