import { defineAsyncComponent, type Component } from 'vue'
import type { FieldType } from '../../../../core/forms/types.js'
import CheckItem from '../CheckItem.vue'
import CalculatedValue from './CalculatedValue.vue'
import ChoiceInput from './ChoiceInput.vue'
import DateInput from './DateInput.vue'
import LocationInput from './LocationInput.vue'
import NumberInput from './NumberInput.vue'
import PhotoInput from './PhotoInput.vue'
import TextInput from './TextInput.vue'

/**
 * The phone's input for each field type. A Record over the whole FieldType union: a type added
 * to the core registry does not compile until the phone can render it, instead of rendering
 * nothing. Each takes `field`, `modelValue` and `error` and emits `update:modelValue`.
 */
export const fieldInputs: Record<FieldType, Component> = {
  check: CheckItem,
  integer: NumberInput,
  number: NumberInput,
  text: TextInput,
  choice: ChoiceInput,
  multi: ChoiceInput,
  date: DateInput,
  photo: PhotoInput,
  // Few forms ask for a signature: the pad (and its styles) load only when one is shown.
  signature: defineAsyncComponent(() => import('./SignatureInput.vue')),
  location: LocationInput,
  calculate: CalculatedValue,
}
