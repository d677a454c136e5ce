"""How a call card looks: the style sheet the Today panel applies to its cards."""

from __future__ import annotations

CARD_STYLE = """
#callCard {
    background: palette(base); border: 1px solid palette(midlight); border-radius: 10px;
}
#callCard[current="true"] { border: 1px solid @focus~55; }
#callCard:focus { border: 2px solid @focus; }
#callRank {
    background: palette(window); color: @muted; border-radius: 13px; font-weight: 600;
}
QLabel[role="callName"] { font-size: 12.5pt; font-weight: 600; color: palette(text); }
#callStake { font-size: 12.5pt; font-weight: 600; color: palette(text); }
#callRating {
    border-radius: 7px; padding: 1px 9px; font-size: 8.5pt; font-weight: 600;
    background: palette(window); color: @muted;
}
#callRating[rating="reliable"] { background: @settled~14; color: @settled; }
#callRating[rating="slow"] { background: @caution~14; color: @caution; }
#callRating[rating="risky"] { background: @overdue~14; color: @overdue; }
QLabel[role="callWho"] { color: palette(text); }
QLabel[role="reason"] { color: palette(text); }
#reasonDot { font-size: 8pt; padding-top: 2px; }
#reasonDot[tone="late"] { color: @overdue; }
#reasonDot[tone="soon"] { color: @caution; }
#reasonDot[tone="info"] { color: @info; }
#callStep {
    background: @info~8; color: @info; border: 1px solid @info~25; border-radius: 7px;
    padding: 1px 9px; font-size: 8.5pt;
}
#callStep[step="4"], #callStep[step="5"] {
    background: @overdue~10; color: @overdue; border-color: @overdue~30;
}
#callPhone, #callDial {
    border: none; padding: 0 2px; color: @info; text-align: left;
}
#callPhone:hover, #callDial:hover { text-decoration: underline; }
#callPhone:focus, #callDial:focus { border-bottom: 1px solid @focus; }
#scriptToggle {
    border: none; color: @muted; font-weight: 600; padding: 2px 0;
}
#scriptToggle:focus { color: @info; }
#scriptView {
    background: palette(alternate-base); border-left: 3px solid @info~35; border-radius: 4px;
    padding: 2px 12px 8px 12px; color: palette(text);
}
#callActions QPushButton {
    padding: 4px 10px; border: 1px solid palette(mid); border-radius: 5px;
    background: palette(button); color: palette(button-text);
}
#callActions QPushButton:hover { background: @info~8; border-color: @info~45; }
#callActions QPushButton:disabled { background: transparent; color: @muted; border-style: dashed; }
#callActions QPushButton:focus { border: 2px solid @focus; padding: 3px 9px; }
#callActions QPushButton[reached="true"] {
    background: @info~12; color: @info; border-color: @info~35;
}
#callActions QPushButton[reached="true"]:hover { background: @info~20; }
"""


PANEL_STYLE = """
#todayPanel { background: palette(window); border-right: 1px solid palette(midlight); }
#todayHeader { background: palette(base); border-bottom: 1px solid palette(midlight); }
#todayList, #todayScroll, #todayScroll > QWidget > QWidget { background: palette(window); }
#todayTitle { font-size: 20pt; font-weight: 600; color: palette(text); }
#todayDate { color: @muted; font-size: 11pt; }
#todaySummary { font-size: 12pt; color: palette(text); }
QLabel[role="caption"] {
    color: @muted; font-size: 8pt; font-weight: 600; letter-spacing: 1px;
}
QLabel[role="figure"] { font-size: 13pt; font-weight: 600; color: palette(text); }
QLabel[role="figure"][tone="overdue"] { color: @overdue; }
QLabel[role="note"] { color: @muted; }
#todayEmpty { color: @muted; font-size: 12pt; padding: 60px 20px; }
#todayShowing { color: @muted; }
#showMore { padding: 4px 14px; }
#undoBar {
    background: @settled~12; border: 1px solid @settled~35; border-radius: 8px;
}
#undoText { color: palette(text); }
#undoButton {
    padding: 4px 14px; border: 1px solid @settled~60; border-radius: 5px;
    background: palette(base); color: @settled; font-weight: 600;
}
#undoButton:focus { border: 2px solid @focus; }
"""
