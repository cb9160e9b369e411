"""Line mode: the plain stdin/stdout interface, a sibling of the TUI.

`study.LineStudy` runs a spaced-repetition session and `quiz.LineQuiz` a one-off quiz; `layout` lays a card
out as numbered lines and reads a typed line back into an answer; `console` owns the prompt loop (Ctrl+C,
end of input, line-length limits). Like the TUI it sits on top of the engine (`quizapp.srs`) and the bank
model, and neither imports the other.
"""
