"""The statement as a PDF, laid out by ReportLab."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from graph_api.reports.statement import PartnerStatement

LINE_HEADER = ("Partnership", "Program", "Terms", "Deal", "Lead", "Date", "Basis", "Rate", "Amount")


def statement_pdf(statement: PartnerStatement) -> bytes:
    """One document: the header, every line, the subtotals and the total."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        title=f"Earnings statement {statement.statement_id}",
        author="graph-api",
    )
    styles = getSampleStyleSheet()
    partner = statement.partner_name or statement.partner_id
    story = [
        Paragraph(f"Earnings statement: {_escape(partner)}", styles["Title"]),
        Paragraph(
            f"Partner {_escape(statement.partner_id)}, "
            f"{statement.start.isoformat()} to {statement.end.isoformat()} (inclusive)",
            styles["Normal"],
        ),
        Paragraph(f"Statement {_escape(statement.statement_id)}", styles["Normal"]),
        Paragraph(f"Content hash {statement.content_hash}", styles["Normal"]),
        Spacer(1, 6 * mm),
    ]
    rows: list[list[str]] = [list(LINE_HEADER)]
    for line in statement.lines:
        rows.append(
            [
                line.partnership_id,
                line.program_name or line.program_id or "",
                line.commission_type or "",
                line.deal_id or "",
                line.lead_id or "",
                line.date.isoformat() if line.date else "",
                f"{line.basis:.2f}",
                str(line.rate),
                f"{line.amount:.2f}",
            ]
        )
    for subtotal in statement.partnerships:
        label = f"Subtotal {subtotal.partnership_id}"
        rows.append(
            [label, subtotal.program_name or "", "", "", "", "", "", "", f"{subtotal.amount:.2f}"]
        )
    rows.append(["Total", "", "", "", "", "", "", "", f"{statement.total:.2f}"])
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                ("ALIGN", (6, 0), (-1, -1), "RIGHT"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story.append(table)
    document.build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    # Paragraph text is ReportLab markup: names and ids are shown as written.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
