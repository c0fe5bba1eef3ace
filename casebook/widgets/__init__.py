"""Casebook widgets: anywidget classes sharing one front-end module (static/casebook.js)."""

from casebook.widgets.analogies import AnalogyMatrix
from casebook.widgets.answer_builder import AnswerBuilder
from casebook.widgets.forecast import Forecast
from casebook.widgets.my_answers import MyAnswers
from casebook.widgets.source_check import SourceCheck
from casebook.widgets.weigher import ArgumentWeigher
from casebook.widgets.written_answer import WrittenAnswer

__all__ = ["AnalogyMatrix", "AnswerBuilder", "ArgumentWeigher", "Forecast", "MyAnswers", "SourceCheck", "WrittenAnswer"]
